import type { User } from '@fram/models';

/** The identity provider's directory could not answer (down, slow, rate-limited). */
export class DirectoryUnavailableError extends Error {}

/** Where people missing from the metadata store are looked up (port). */
export abstract class UserDirectory {
  /** The person with exactly this email, mapped to Amundsen's user; undefined when there is none. */
  abstract findByEmail(email: string): Promise<User | undefined>;
}

/** No directory: people are only what the metadata store holds. */
export class NoUserDirectory extends UserDirectory {
  async findByEmail(): Promise<User | undefined> {
    return undefined;
  }
}
