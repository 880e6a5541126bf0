import { CanActivate, Inject, Injectable } from '@nestjs/common';
import type { ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import type { DevIdpConfig } from '../config/dev-idp-config';
import type { Seed } from '../seed/seed';
import { DEV_IDP_CONFIG } from '../config/dev-idp-config.token';
import { SEED } from '../seed/seed.token';
import { OktaApiError, oktaErrors } from '../users-api/okta-api-error';

/** The fault switches exist only with DEV_IDP_FAULTS=on, and answer only an admin API token (SSWS). */
@Injectable()
export class AdminTokenGuard implements CanActivate {
  constructor(
    @Inject(DEV_IDP_CONFIG) private readonly config: DevIdpConfig,
    @Inject(SEED) private readonly seed: Seed,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (!this.config.faults) throw new OktaApiError(404, 'E0000022', 'The endpoint does not exist.');
    const authorization = context.switchToHttp().getRequest<Request>().headers.authorization ?? '';
    const match = /^SSWS (\S+)$/.exec(authorization);
    const token = match ? this.seed.apiTokens.find((t) => t.token === match[1]) : undefined;
    if (!token) throw oktaErrors.unauthorized();
    if (!token.admin) throw oktaErrors.forbidden();
    return true;
  }
}
