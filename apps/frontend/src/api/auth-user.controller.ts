import { Controller, Get, Req } from '@nestjs/common';
import type { Request } from 'express';
import { CurrentUser, NoRoleRequired, type Principal, type SignedIn } from '@fram/auth';
import { normalizeUser, type User } from '@fram/models';
import { MetadataClient } from './metadata-client';

/**
 * Amundsen's `GET /api/auth_user`: the signed-in person, from metadata (which
 * finds or creates them). Never a malformed user: when metadata cannot
 * answer, the person is built from their sign-in.
 */
@Controller('api')
export class AuthUserController {
  constructor(private readonly metadata: MetadataClient) {}

  @Get('auth_user')
  @NoRoleRequired()
  async authUser(@CurrentUser() principal: Principal, @Req() req: Request): Promise<{ msg: string; user: User }> {
    const answer = await this.metadata.get<User>(`/user/${encodeURIComponent(principal.userId)}`, req.headers.authorization ?? '');
    if (answer.status === 200 && answer.body?.user_id) return { msg: 'Success', user: answer.body };
    const fromSignIn = (req.session as unknown as { signedIn?: SignedIn } | undefined)?.signedIn?.user;
    const email = fromSignIn?.email ?? principal.email ?? principal.userId;
    return {
      msg: 'Success',
      user: normalizeUser({ user_id: principal.userId, email, full_name: fromSignIn?.name ?? principal.name, display_name: fromSignIn?.name ?? email }),
    };
  }
}
