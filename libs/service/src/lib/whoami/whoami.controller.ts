import { Controller, Get } from '@nestjs/common';
import { CurrentUser, NoRoleRequired, type Principal } from '@fram/auth';

/** Anonymous caller, seen only when an operator lists /whoami in PUBLIC_PATHS. */
export interface Anonymous {
  kind: 'anonymous';
}

/**
 * `GET /whoami`: the principal this service derived from the caller's token,
 * with its roles and scopes, so that API clients can see why they are
 * allowed or refused. Any valid token will do.
 */
@Controller('whoami')
export class WhoAmIController {
  @Get()
  @NoRoleRequired()
  whoami(@CurrentUser() principal: Principal | undefined): Principal | Anonymous {
    return principal ?? { kind: 'anonymous' };
  }
}
