import { Body, Controller, Get, HttpCode, Inject, Post, Put, Query, UseFilters, UseGuards } from '@nestjs/common';
import { z } from 'zod';
import { OidcServers } from '../oidc/oidc-servers';
import { OktaApiErrorFilter, OktaApiError } from '../users-api/okta-api-error';
import { AdminTokenGuard } from './admin-token.guard';
import { FaultState } from './fault-state';

const faultChange = z
  .object({
    keys: z.enum(['up', 'slow', 'down']).optional(),
    keysDelayMs: z.number().int().min(0).max(120_000).optional(),
    usersApi429: z.boolean().optional(),
    idTokenIatOffsetSec: z.number().int().min(-86_400).max(86_400).optional(),
  })
  .strict();

/**
 * Fault switches for tests (only with DEV_IDP_FAULTS=on, and only for an
 * admin API token): rotate the signing key now; make the key set slow or
 * unavailable; make the Users API answer 429; shift the `iat` of ID tokens.
 */
@Controller('admin')
@UseGuards(AdminTokenGuard)
@UseFilters(OktaApiErrorFilter)
export class FaultsController {
  constructor(
    @Inject(FaultState) private readonly faults: FaultState,
    @Inject(OidcServers) private readonly servers: OidcServers,
  ) {}

  @Get('faults')
  show() {
    return this.faults.snapshot();
  }

  @Put('faults')
  change(@Body() body: unknown) {
    const parsed = faultChange.safeParse(body);
    if (!parsed.success) throw new OktaApiError(400, 'E0000001', `Api validation failed: ${parsed.error.issues[0]?.message ?? 'bad body'}`);
    Object.assign(this.faults, Object.fromEntries(Object.entries(parsed.data).filter(([, v]) => v !== undefined)));
    return this.faults.snapshot();
  }

  @Post('faults/reset')
  @HttpCode(200)
  reset() {
    this.faults.reset();
    return this.faults.snapshot();
  }

  /** `POST /admin/keys/rotate[?withdrawOld=true]`: a new key signs from now on. */
  @Post('keys/rotate')
  @HttpCode(200)
  rotate(@Query('withdrawOld') withdrawOld?: string) {
    return { kid: this.servers.rotate({ withdrawOld: withdrawOld === 'true' }) };
  }
}
