import type { TableSummary, User } from '@fram/models';
import type { Edit, ResourceType } from './edit';

/** People and their lists: bookmarks, owned and frequently read tables. */
export abstract class PeopleStore {
  abstract getUser(key: string): Promise<User | undefined>;
  /** Creates or replaces a user by `user_id`; says whether it was created. */
  abstract upsertUser(user: User, edit: Edit): Promise<{ created: boolean }>;
  abstract listActiveUsers(): Promise<User[]>;

  /** A bookmark; false when the resource does not exist. */
  abstract addFollow(userKey: string, type: ResourceType, key: string, edit: Edit): Promise<boolean>;
  abstract removeFollow(userKey: string, type: ResourceType, key: string, edit: Edit): Promise<boolean>;
  /** Bookmarked tables, sorted by schema then name. */
  abstract followedTables(userKey: string): Promise<TableSummary[]>;
  /** Owned tables, sorted by schema then name. */
  abstract ownedTables(userKey: string): Promise<TableSummary[]>;
  /** Up to 50 tables the user read, most reads first. */
  abstract readTables(userKey: string): Promise<TableSummary[]>;
}
