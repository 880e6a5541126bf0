import type { DashboardSummary, TableSummary, User, UserCounts } from '@fram/models';
import type { Edit, ResourceType } from './edit';

/** A person with their usage: reads (sum of read counts), owned and bookmarked tables and dashboards. */
export interface UserWithCounts {
  key: string;
  user: User;
  counts: UserCounts;
}

/** People and their lists: bookmarked and owned tables and dashboards, frequently read tables. */
export abstract class PeopleStore {
  abstract getUser(key: string): Promise<User | undefined>;
  /** The people of `keys` that exist (each as getUser answers it) with their counts, in the order of `keys`: one read for many. */
  abstract usersByKeys(keys: readonly string[]): Promise<UserWithCounts[]>;
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
  /** Bookmarked dashboards, sorted by group name then name. */
  abstract followedDashboards(userKey: string): Promise<DashboardSummary[]>;
  /** Owned dashboards, sorted by group name then name. */
  abstract ownedDashboards(userKey: string): Promise<DashboardSummary[]>;
  /** Up to 50 tables the user read, most reads first. */
  abstract readTables(userKey: string): Promise<TableSummary[]>;
}
