import { CanActivate, ExecutionContext, Inject, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import { jwtVerify } from 'jose';
import { Directory } from '../directory/directory';
import { FaultState } from '../faults/fault-state';
import { OidcServers } from '../oidc/oidc-servers';
import { SEED } from '../seed/seed.token';
import type { Seed } from '../seed/seed';
import { oktaErrors } from './okta-api-error';
import { RateLimiter } from './rate-limiter';

const REQUIRED_SCOPE = 'okta.users.read';

/**
 * Who may call the Users API, as Okta decides it: `Authorization: SSWS <API
 * token>`, or a bearer access token of the org authorization server with the
 * `okta.users.read` scope (a person's sign-in token does not carry it). Every
 * answer carries Okta's rate-limit headers.
 */
@Injectable()
export class ApiClientGuard implements CanActivate {
  constructor(
    @Inject(SEED) private readonly seed: Seed,
    @Inject(OidcServers) private readonly servers: OidcServers,
    @Inject(FaultState) private readonly faults: FaultState,
    @Inject(RateLimiter) private readonly limiter: RateLimiter,
    @Inject(Directory) readonly directory: Directory,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<Request>();
    const res = context.switchToHttp().getResponse<Response>();
    const caller = await this.caller(req.headers.authorization);
    if (caller === undefined) throw oktaErrors.unauthorized();
    const window = this.limiter.take(caller);
    const headers = {
      'X-Rate-Limit-Limit': String(window.limit),
      'X-Rate-Limit-Remaining': String(this.faults.usersApi429 ? 0 : window.remaining),
      'X-Rate-Limit-Reset': String(window.resetEpochSec),
    };
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (this.faults.usersApi429 || window.exceeded) throw oktaErrors.rateLimited(headers);
    return true;
  }

  /** A name for the caller, or undefined when the credentials are not good. */
  private async caller(authorization: string | undefined): Promise<string | undefined> {
    if (!authorization) return undefined;
    const [scheme, credential, extra] = authorization.split(' ');
    if (!credential || extra !== undefined) return undefined;
    if (scheme === 'SSWS') {
      return this.seed.apiTokens.some((t) => t.token === credential) ? `ssws:${credential.slice(0, 8)}` : undefined;
    }
    if (scheme?.toLowerCase() !== 'bearer') return undefined;
    const org = this.servers.shapes.org;
    try {
      const { payload } = await jwtVerify(credential, this.servers.localKeySet(), {
        issuer: org.issuer,
        audience: org.audience,
        algorithms: ['RS256'],
      });
      const scp = Array.isArray(payload['scp']) ? payload['scp'] : [];
      if (!scp.includes(REQUIRED_SCOPE)) throw oktaErrors.forbidden();
      return `client:${String(payload['cid'])}`;
    } catch (error) {
      if (error instanceof Error && 'errorCode' in error) throw error;
      return undefined;
    }
  }
}
