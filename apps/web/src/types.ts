/** What the frontend's API answers (Amundsen's shapes): the wire types of libs/models, plus what the frontend adds. */
import type { DashboardDetail as StoredDashboard, LineageItem, TableDetail as StoredTable, User } from '@fram/models';

export type { Badge, Column, DashboardSummary, Tag, TableSummary, User } from '@fram/models';

/** The caller may edit it (the write role, or an owner); the UI shows edit controls only then. */
export interface TableDetail extends StoredTable {
  is_editable: boolean;
}

export interface DashboardDetail extends StoredDashboard {
  is_editable: boolean;
}

/** A lineage entity, its key split into parts by the frontend. */
export interface LineageEntity extends LineageItem {
  database?: string;
  cluster?: string;
  schema?: string;
  name?: string;
}

export interface Lineage {
  upstream_entities: LineageEntity[];
  downstream_entities: LineageEntity[];
}

export type Resource = 'table' | 'user' | 'dashboard' | 'feature';

export interface SearchHit {
  type: Resource;
  key?: string;
  highlight?: Record<string, string[]>;
  [field: string]: unknown;
}

type Page = { page_index: number; results: SearchHit[]; total_results: number };

export interface SearchResults {
  search_term: string;
  table?: Page;
  user?: Page;
  dashboard?: Page;
  feature?: Page;
}

export interface Me {
  user: User;
  roles: string[];
}
