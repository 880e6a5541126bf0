import { Controller, Get } from '@nestjs/common';
import { createZodDto, ZodResponse } from 'nestjs-zod';
import { z } from 'zod';
import { CurrentUser, NoRoleRequired, ROLES, type Principal } from '@fram/auth';

const strings = z.array(z.string()).readonly();

/** The principal as /whoami shows it (libs/auth's Principal); `anonymous` only when /whoami is in PUBLIC_PATHS. */
const whoAmISchema = z.discriminatedUnion('kind', [
  z
    .object({
      kind: z.enum(['user', 'service']),
      issuer: z.string(),
      subject: z.string().describe("The token's sub"),
      userId: z.string().describe('The user id (OIDC_USER_ID_CLAIM, falling back to sub); the client id for a service'),
      email: z.string().optional(),
      name: z.string().optional(),
      groups: strings,
      scopes: strings,
      clientId: z.string().optional(),
      roles: z.array(z.enum(ROLES)).readonly(),
      expiresAt: z.number().describe("The token's exp, seconds since the epoch"),
    })
    .meta({ id: 'Principal' }),
  z.object({ kind: z.literal('anonymous') }).meta({ id: 'Anonymous' }),
]);

// A union, which no class can extend: the DTO is named here, as the document names its schema after it.
const WhoAmIDto = Object.defineProperty(createZodDto(whoAmISchema), 'name', { value: 'WhoAmIDto' });

/**
 * `GET /whoami`: the principal this service derived from the caller's token,
 * with its roles and scopes, so that API clients can see why they are
 * allowed or refused. Any valid token will do.
 */
@Controller('whoami')
export class WhoAmIController {
  @Get()
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: WhoAmIDto })
  whoami(@CurrentUser() principal: Principal | undefined) {
    return principal ?? { kind: 'anonymous' as const };
  }
}
