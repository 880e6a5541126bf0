import { Injectable } from '@nestjs/common';
import { InsufficientScopeError, type Principal } from '@fram/auth';
import { InvalidInputError, NotFoundError } from '@fram/errors';
import { InvalidUserError, normalizeUser, parseUser, type User, type UserReads, type UserResources } from '@fram/models';
import { assertSelfOrAdmin, editBy } from '../common/edit-access';
import type { ResourceType } from '../store/ports/edit';
import { PeopleStore } from '../store/ports/people-store';
import { applyOwnProfileEdit } from './own-profile-edit';
import { UserResolver } from './user-resolver';

const RESOURCE_TYPES: Readonly<Record<string, ResourceType>> = { table: 'table', dashboard: 'dashboard', feature: 'feature' };

/** People: profiles (store, then directory), their bookmarks, owned and frequently used resources. */
@Injectable()
export class UsersService {
  constructor(
    private readonly people: PeopleStore,
    private readonly resolver: UserResolver,
  ) {}

  listActive(): Promise<User[]> {
    return this.people.listActiveUsers();
  }

  /** A person: from the store, else from the identity provider's directory (and then stored); 404 if nobody. */
  async get(id: string): Promise<User> {
    const user = await this.resolver.find(id);
    if (!user) throw new NotFoundError(`User ${id} not found`);
    return user;
  }

  /**
   * Creates or updates a user. Admins may write any user; a person only the
   * display fields of their own profile (own-profile-edit).
   */
  async upsert(input: Record<string, unknown>, principal: Principal): Promise<{ user: User; created: boolean }> {
    let user: User;
    try {
      if (principal.roles.includes('admin')) user = parseUser(input);
      else if (principal.kind === 'user') user = applyOwnProfileEdit(await this.ownProfile(principal), input);
      else throw new InsufficientScopeError([], 'the "admin" role (services do not have profiles of their own)');
    } catch (error) {
      if (error instanceof InvalidUserError) throw new InvalidInputError(error.message);
      throw error;
    }
    const { created } = await this.people.upsertUser(user, editBy(principal));
    return { user, created };
  }

  /** Bookmarked tables (by schema, then name) and dashboards (by group, then name). */
  async follows(id: string): Promise<UserResources> {
    const [table, dashboard] = await Promise.all([this.people.followedTables(id), this.people.followedDashboards(id)]);
    return { table, dashboard };
  }

  /** Owned tables (by schema, then name) and dashboards (by group, then name). */
  async owned(id: string): Promise<UserResources> {
    const [table, dashboard] = await Promise.all([this.people.ownedTables(id), this.people.ownedDashboards(id)]);
    return { table, dashboard };
  }

  async read(id: string): Promise<UserReads> {
    return { table: await this.people.readTables(id) };
  }

  /** Bookmarks are for oneself (admins may act for anyone); 404 when the resource does not exist. */
  async changeFollow(op: 'add' | 'remove', id: string, typeName: string, key: string, principal: Principal) {
    const type = RESOURCE_TYPES[typeName.toLowerCase()];
    if (!type) throw new InvalidInputError(`Unknown resource type ${typeName}; use table, dashboard or feature`);
    assertSelfOrAdmin(principal, id);
    const done =
      op === 'add'
        ? await this.people.addFollow(id, type, key, editBy(principal))
        : await this.people.removeFollow(id, type, key, editBy(principal));
    if (!done) throw new NotFoundError(`${typeName} ${key} not found`);
    return { message: `${op === 'add' ? 'Added' : 'Removed'} bookmark of ${typeName} ${key} for ${id}` };
  }

  /** The caller's profile as it is now; a blank one made from the token when Fram does not know them yet. */
  private async ownProfile(principal: Principal): Promise<User> {
    return (await this.resolver.find(principal.userId)) ?? normalizeUser({ user_id: principal.userId, email: principal.email });
  }
}
