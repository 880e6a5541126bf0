import { Controller, Get, Logger, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentUser, NoRoleRequired, type Principal, type SignedIn } from '@fram/auth';
import { normalizeUser, type User } from '@fram/models';
import { MetadataClient } from '../backends/backend-clients';
import { ForwardedToken } from '../backends/forwarded-token.decorator';

/**
 * Amundsen's `GET /api/auth_user`: the signed-in person, from metadata (which
 * finds or creates them), with the roles the UI needs to show or hide edit
 * controls. Never a malformed user: when metadata cannot answer, the person
 * is built from their sign-in.
 */
@Controller('api')
export class AuthUserController {
  private readonly logger = new Logger('AuthUser');

  constructor(private readonly metadata: MetadataClient) {}

  @Get('auth_user')
  @NoRoleRequired()
  async authUser(
    @CurrentUser() principal: Principal,
    @ForwardedToken() token: string,
    @Req() req: Request,
  ): Promise<{ msg: string; user: User; roles: readonly string[] }> {
    const roles = principal.roles;
    try {
      const user = await this.metadata.get<User>(`/user/${encodeURIComponent(principal.userId)}`, token);
      if (user?.user_id) return { msg: 'Success', user, roles };
    } catch (error) {
      this.logger.warn(
        `metadata could not give ${principal.userId}: ${error instanceof Error ? error.message : String(error)}; answering from the sign-in`,
      );
    }
    const fromSignIn = (req.session as unknown as { signedIn?: SignedIn } | undefined)?.signedIn?.user;
    const email = fromSignIn?.email ?? principal.email ?? principal.userId;
    return {
      msg: 'Success',
      roles,
      user: normalizeUser({
        user_id: principal.userId,
        email,
        full_name: fromSignIn?.name ?? principal.name,
        display_name: fromSignIn?.name ?? email,
      }),
    };
  }
}
