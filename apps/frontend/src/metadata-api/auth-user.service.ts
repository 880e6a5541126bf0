import { Injectable, Logger } from '@nestjs/common';
import type { Principal, SignedIn } from '@fram/auth';
import { normalizeUser, type User } from '@fram/models';
import { MetadataClient } from '../backends/backend-clients';
import { BackendError } from '../backends/backend-error';

/**
 * The signed-in person, from metadata (which finds or creates them), with the
 * roles the UI needs to show or hide edit controls. Never a malformed user:
 * when metadata cannot answer, the person is built from their sign-in.
 */
@Injectable()
export class AuthUserService {
  private readonly logger = new Logger('AuthUser');

  constructor(private readonly metadata: MetadataClient) {}

  /** `signedIn`: the session's sign-in (a browser's); none for an API client's bearer token. */
  async authUser(
    principal: Principal,
    token: string,
    signedIn: SignedIn | undefined,
  ): Promise<{ msg: string; user: User; roles: string[] }> {
    const roles = [...principal.roles];
    try {
      const user = await this.metadata.get<User>(`/user/${encodeURIComponent(principal.userId)}`, token);
      if (user?.user_id) return { msg: 'Success', user, roles };
    } catch (error) {
      const why = `metadata could not give ${principal.userId}: ${error instanceof Error ? error.message : String(error)}; answering from the sign-in`;
      // Not known yet (a first sign-in, no user directory) is normal, not something to warn about on every page.
      if (error instanceof BackendError && error.status === 404) this.logger.debug(why);
      else this.logger.warn(why);
    }
    const fromSignIn = signedIn?.user;
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
