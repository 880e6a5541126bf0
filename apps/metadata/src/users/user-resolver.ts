import { Inject, Injectable } from '@nestjs/common';
import { LRUCache } from 'lru-cache';
import { DependencyUnavailableError } from '@fram/errors';
import { normalizeUser, type User } from '@fram/models';
import { METADATA_CONFIG } from '../config/metadata-config.token';
import type { MetadataConfig } from '../config/metadata-config';
import { DirectoryUnavailableError, UserDirectory } from '../directory/user-directory';
import { PeopleStore } from '../store/ports/people-store';

/** The actor recorded when metadata creates a user it found in the directory. */
export const DIRECTORY_ACTOR = 'fram-metadata (user directory)';

const EMAIL = /^[^@\s]+@[^@\s]+$/;

/**
 * Finds a person: the metadata store first; then the identity provider's
 * directory by exact email, creating the user in the store; else nobody.
 * Directory answers (found and not found) are remembered for the cache TTL,
 * and concurrent lookups of the same person share one directory call.
 */
@Injectable()
export class UserResolver {
  private readonly misses: LRUCache<string, true> | undefined;
  private readonly inflight = new Map<string, Promise<User | undefined>>();
  private readonly created: ((user: User) => void)[] = [];

  constructor(
    private readonly store: PeopleStore,
    private readonly directory: UserDirectory,
    @Inject(METADATA_CONFIG) config: MetadataConfig,
  ) {
    this.misses = config.userCacheTtlMs > 0 ? new LRUCache({ max: 50_000, ttl: config.userCacheTtlMs }) : undefined;
  }

  /** Calls `listener` with every user created from the directory (e.g. to index it for search). */
  onCreated(listener: (user: User) => void): void {
    this.created.push(listener);
  }

  /** The user, or undefined; throws DirectoryUnavailableError when only the directory could tell. */
  async resolve(id: string): Promise<User | undefined> {
    const stored = await this.store.getUser(id);
    if (stored) return stored;
    const email = id.trim().toLowerCase();
    if (!EMAIL.test(email) || this.misses?.has(email)) return undefined;
    let lookup = this.inflight.get(email);
    if (!lookup) {
      lookup = this.lookUp(email).finally(() => this.inflight.delete(email));
      this.inflight.set(email, lookup);
    }
    return lookup;
  }

  /** `resolve`, with an unavailable directory as the 503 a caller can retry. */
  async find(id: string): Promise<User | undefined> {
    try {
      return await this.resolve(id);
    } catch (error) {
      if (error instanceof DirectoryUnavailableError) {
        throw new DependencyUnavailableError(`User ${id} is not in the catalog and the user directory is unavailable; try again shortly`);
      }
      throw error;
    }
  }

  /**
   * For people shown on a page (owners, readers): never fails the page. When
   * the person cannot be resolved, a minimal user made from the id is shown.
   */
  async resolveForDisplay(id: string): Promise<User> {
    try {
      return (await this.resolve(id)) ?? minimalUser(id);
    } catch {
      return minimalUser(id);
    }
  }

  private async lookUp(email: string): Promise<User | undefined> {
    const found = await this.directory.findByEmail(email);
    if (!found) {
      this.misses?.set(email, true);
      return undefined;
    }
    const existing = await this.store.getUser(found.user_id);
    if (existing) return existing;
    const { created } = await this.store.upsertUser(found, { actor: DIRECTORY_ACTOR, at: Date.now() });
    if (created) for (const listener of this.created) listener(found);
    return found;
  }
}

function minimalUser(id: string): User {
  return normalizeUser(EMAIL.test(id) ? { email: id, user_id: id } : { user_id: id, display_name: id });
}
