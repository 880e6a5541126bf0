/** Resource types the search service indexes. */
export const SEARCH_RESOURCE_TYPES = ['table', 'dashboard', 'user'] as const;
export type SearchResourceType = (typeof SEARCH_RESOURCE_TYPES)[number];

/** A document of the table index (Amundsen's v2.1 table document). */
export interface TableDocument {
  key: string;
  database: string;
  cluster: string;
  schema: string;
  name: string;
  description: string | null;
  columns: string[];
  column_descriptions: string[];
  tags: string[];
  badges: string[];
  last_updated_timestamp: number | null;
  /** Sum of reads, and number of distinct readers. */
  total_usage: number;
  unique_usage: number;
}

/** A document of the user index (people are found by name and email). */
export interface UserDocument {
  key: string;
  email: string;
  full_name: string;
  first_name: string | null;
  last_name: string | null;
  team_name: string | null;
  role_name: string | null;
  employee_type: string | null;
  manager_email: string | null;
  is_active: boolean;
  total_read: number;
  total_own: number;
  total_follow: number;
}

/** A document of the dashboard index. */
export interface DashboardDocument {
  key: string;
  uri: string;
  product: string;
  cluster: string;
  group_name: string;
  group_url: string;
  name: string;
  url: string;
  description: string | null;
  chart_names: string[];
  query_names: string[];
  tags: string[];
  badges: string[];
  last_successful_run_timestamp: number | null;
  total_usage: number;
}

export interface SearchDocuments {
  table: TableDocument;
  user: UserDocument;
  dashboard: DashboardDocument;
}

export interface SearchFilter {
  name: string;
  values: string[];
  operation: 'AND' | 'OR';
}

/** Amundsen's SearchRequest (POST /v2/search). */
export interface SearchRequest {
  query_term: string;
  resource_types: SearchResourceType[];
  page_index: number;
  results_per_page: number;
  filters: SearchFilter[];
  highlight_options: Partial<Record<SearchResourceType, { enable_highlight: boolean }>>;
}

/** One hit: the resource's fields, its score and highlighted fragments. */
export type SearchHit = Record<string, unknown> & { search_score: number; highlight: Record<string, string[]> };

/** Amundsen's SearchResponse. */
export interface SearchResponse {
  msg: string;
  page_index: number;
  results_per_page: number;
  status_code: number;
  results: Partial<Record<SearchResourceType, { results: SearchHit[]; total_results: number }>>;
}

/** Amundsen's UpdateDocumentRequest (POST / DELETE /v2/document): changes one field of one document. */
export interface UpdateDocumentRequest {
  resource_key: string;
  resource_type: SearchResourceType;
  field: string;
  value?: string;
  operation?: 'add' | 'overwrite';
}
