import type { DashboardDocument, SearchFilter, SearchResourceType, TableDocument, UserDocument } from '@fram/models';

/**
 * Amundsen's v2.1 search indices (databuilder's document_mappings.py): the
 * aliases, the analysers and mappings, the documents, and the queries, so
 * indices built by Amundsen's databuilder are served as they are.
 */

export const aliasOf = (template: string, type: SearchResourceType) => template.replace('{resource}', type);

const keyword = { keyword: { type: 'keyword' } };
const general = { type: 'text', analyzer: 'general_analyzer' };

const SETTINGS = {
  analysis: {
    tokenizer: { alphanum_tokenizer: { type: 'pattern', pattern: '[^A-Za-z0-9]+' } },
    filter: {
      english_stop: { type: 'stop', stopwords: '_english_' },
      english_stemmer: { type: 'stemmer', language: 'english' },
      english_possessive_stemmer: { type: 'stemmer', language: 'possessive_english' },
      shingle_filter: { type: 'shingle', min_shingle_size: 2, max_shingle_size: 5 },
    },
    analyzer: {
      general_analyzer: { type: 'custom', tokenizer: 'alphanum_tokenizer', filter: ['lowercase'] },
      stemming_analyzer: { type: 'custom', tokenizer: 'alphanum_tokenizer', filter: ['lowercase', 'kstem'] },
      english_analyzer: {
        type: 'custom',
        tokenizer: 'standard',
        filter: ['english_possessive_stemmer', 'lowercase', 'english_stop', 'english_stemmer'],
      },
      alphanum_analyzer: { type: 'custom', tokenizer: 'alphanum_tokenizer', filter: ['lowercase'] },
      ngram_analyzer: { type: 'custom', tokenizer: 'alphanum_tokenizer', filter: ['lowercase', 'shingle_filter'] },
    },
  },
  index: { max_shingle_diff: 10 },
};

const BASE = {
  key: { type: 'text', analyzer: 'general_analyzer', fields: keyword },
  name: {
    type: 'text',
    analyzer: 'stemming_analyzer',
    fields: { ...keyword, general, ngram: { type: 'text', analyzer: 'ngram_analyzer' } },
  },
  description: {
    type: 'text',
    analyzer: 'english_analyzer',
    fields: { alphanumeric: { type: 'text', analyzer: 'alphanum_analyzer' }, general },
  },
  badges: { type: 'text', analyzer: 'general_analyzer', fields: keyword },
  tags: { type: 'text', analyzer: 'general_analyzer', fields: keyword },
  usage: { type: 'rank_features' },
  last_updated_timestamp: { type: 'date', format: 'epoch_second' },
  resource_type: { type: 'keyword' },
};

/** The index body (settings and mappings, `_meta.version: 2`) of each resource type. */
export const INDEX_BODIES: Record<SearchResourceType, { settings: object; mappings: object }> = {
  table: {
    settings: SETTINGS,
    mappings: {
      _meta: { version: 2 },
      properties: {
        ...BASE,
        columns: {
          type: 'text',
          analyzer: 'stemming_analyzer',
          fields: { ...keyword, general, ngram: { type: 'text', analyzer: 'ngram_analyzer' } },
        },
        display_name: { type: 'text', fields: keyword },
        database: { type: 'text', fields: keyword },
        cluster: { type: 'text', fields: keyword },
        schema: { type: 'text', analyzer: 'stemming_analyzer', fields: { ...keyword, general } },
        column_descriptions: { type: 'text', analyzer: 'english_analyzer' },
      },
    },
  },
  dashboard: {
    settings: SETTINGS,
    mappings: {
      _meta: { version: 2 },
      properties: {
        ...BASE,
        group_name: { type: 'text', analyzer: 'stemming_analyzer', fields: { ...keyword, general } },
        group_description: { type: 'text', analyzer: 'english_analyzer' },
        query_names: {
          type: 'text',
          analyzer: 'stemming_analyzer',
          fields: { ...keyword, general, ngram: { type: 'text', analyzer: 'ngram_analyzer' } },
        },
        chart_names: {
          type: 'text',
          analyzer: 'stemming_analyzer',
          fields: { ...keyword, general, ngram: { type: 'text', analyzer: 'ngram_analyzer' } },
        },
        product: { type: 'keyword' },
        cluster: { type: 'keyword' },
        uri: { type: 'keyword' },
        url: { type: 'keyword' },
        group_url: { type: 'keyword' },
        last_successful_run_timestamp: { type: 'date', format: 'epoch_second' },
      },
    },
  },
  user: {
    settings: SETTINGS,
    mappings: {
      _meta: { version: 2 },
      properties: {
        ...BASE,
        first_name: { type: 'text', analyzer: 'stemming_analyzer', fields: { ...keyword, general } },
        last_name: { type: 'text', analyzer: 'stemming_analyzer', fields: { ...keyword, general } },
        team_name: { type: 'text', fields: keyword },
        role_name: { type: 'keyword' },
        employee_type: { type: 'keyword' },
        manager_email: { type: 'keyword' },
        is_active: { type: 'boolean' },
      },
    },
  },
};

/** rank_features must be positive: Amundsen's documents leave zero usage out. */
const positive = (values: Record<string, number>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v > 0));

/** Fram's documents as Amundsen's v2.1 documents. */
export const toElastic = {
  table: (d: TableDocument) => ({
    key: d.key,
    name: d.name,
    description: d.description,
    badges: d.badges,
    tags: d.tags,
    usage: positive({ total_usage: d.total_usage, unique_usage: d.unique_usage }),
    last_updated_timestamp: d.last_updated_timestamp,
    resource_type: 'table',
    columns: d.columns,
    display_name: `${d.schema}.${d.name}`,
    database: d.database,
    cluster: d.cluster,
    schema: d.schema,
    column_descriptions: d.column_descriptions,
  }),
  user: (d: UserDocument) => ({
    key: d.key,
    name: d.full_name,
    description: null,
    badges: [],
    tags: [],
    usage: positive({ total_read: d.total_read, total_own: d.total_own, total_follow: d.total_follow }),
    resource_type: 'user',
    first_name: d.first_name,
    last_name: d.last_name,
    team_name: d.team_name,
    role_name: d.role_name,
    employee_type: d.employee_type,
    manager_email: d.manager_email,
    is_active: d.is_active,
  }),
  dashboard: (d: DashboardDocument) => ({
    key: d.key,
    name: d.name,
    description: d.description,
    badges: d.badges,
    tags: d.tags,
    usage: positive({ total_usage: d.total_usage }),
    resource_type: 'dashboard',
    group_name: d.group_name,
    query_names: d.query_names,
    chart_names: d.chart_names,
    product: d.product,
    cluster: d.cluster,
    uri: d.uri,
    url: d.url,
    group_url: d.group_url,
    last_successful_run_timestamp: d.last_successful_run_timestamp,
  }),
};

type Source = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : null);
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const usage = (s: Source) => (typeof s['usage'] === 'object' && s['usage'] !== null ? (s['usage'] as Record<string, unknown>) : {});

/** Amundsen's v2.1 documents (also those its databuilder wrote) as Fram's. */
export const fromElastic = {
  table: (s: Source): TableDocument => {
    const key = String(s['key']);
    const [database = '', rest = ''] = key.split('://');
    return {
      key,
      database: str(s['database']) ?? database,
      cluster: str(s['cluster']) ?? rest.split('.')[0] ?? '',
      schema: str(s['schema']) ?? '',
      name: str(s['name']) ?? '',
      description: str(s['description']),
      columns: strs(s['columns']),
      column_descriptions: strs(s['column_descriptions']),
      tags: strs(s['tags']),
      badges: strs(s['badges']),
      last_updated_timestamp: typeof s['last_updated_timestamp'] === 'number' ? s['last_updated_timestamp'] : null,
      total_usage: num(usage(s)['total_usage']),
      unique_usage: num(usage(s)['unique_usage']),
    };
  },
  user: (s: Source): UserDocument => ({
    key: String(s['key']),
    email: String(s['key']),
    full_name: str(s['name']) ?? String(s['key']),
    first_name: str(s['first_name']),
    last_name: str(s['last_name']),
    team_name: str(s['team_name']),
    role_name: str(s['role_name']),
    employee_type: str(s['employee_type']),
    manager_email: str(s['manager_email']),
    is_active: s['is_active'] !== false,
    total_read: num(usage(s)['total_read']),
    total_own: num(usage(s)['total_own']),
    total_follow: num(usage(s)['total_follow']),
  }),
  dashboard: (s: Source): DashboardDocument => ({
    key: String(s['key']),
    uri: str(s['uri']) ?? String(s['key']),
    product: str(s['product']) ?? String(s['key']).split('_dashboard://')[0] ?? '',
    cluster: str(s['cluster']) ?? '',
    group_name: str(s['group_name']) ?? '',
    group_url: str(s['group_url']) ?? '',
    name: str(s['name']) ?? '',
    url: str(s['url']) ?? '',
    description: str(s['description']),
    chart_names: strs(s['chart_names']),
    query_names: strs(s['query_names']),
    tags: strs(s['tags']),
    badges: strs(s['badges']),
    last_successful_run_timestamp: typeof s['last_successful_run_timestamp'] === 'number' ? s['last_successful_run_timestamp'] : null,
    total_usage: num(usage(s)['total_usage']),
  }),
};

/** Amundsen v2.1's fuzzy, weighted match fields per resource type. */
const MATCH_FIELDS: Record<SearchResourceType, [string, number][]> = {
  table: [
    ['name', 5],
    ['description', 1.5],
    ['badges', 1],
    ['tags', 1],
    ['schema', 3],
    ['columns.general', 2],
    ['column_descriptions', 1],
  ],
  dashboard: [
    ['name', 5],
    ['description', 1.5],
    ['badges', 1],
    ['tags', 1],
    ['group_name', 3],
    ['query_names', 2],
    ['chart_names', 2],
    ['uri', 4],
  ],
  user: [
    ['name', 5],
    ['first_name', 3],
    ['last_name', 3],
    ['team_name', 1],
    ['key', 4],
  ],
};

const USAGE_FEATURES: Record<SearchResourceType, string[]> = {
  table: ['usage.total_usage', 'usage.unique_usage'],
  dashboard: ['usage.total_usage'],
  user: ['usage.total_read', 'usage.total_own', 'usage.total_follow'],
};

/** UI filter names to keyword fields (v2.1 *_MAPPING). */
const FILTER_FIELDS: Record<SearchResourceType, Record<string, string>> = {
  table: {
    badges: 'badges.keyword',
    tag: 'tags.keyword',
    schema: 'schema.keyword',
    table: 'name.keyword',
    column: 'columns.keyword',
    database: 'database.keyword',
    cluster: 'cluster.keyword',
  },
  dashboard: {
    group_name: 'group_name.keyword',
    name: 'name.keyword',
    tag: 'tags.keyword',
    badges: 'badges.keyword',
    product: 'product',
    cluster: 'cluster',
  },
  user: { team_name: 'team_name.keyword', employee_type: 'employee_type' },
};

const HIGHLIGHT_FIELDS: Record<SearchResourceType, Record<string, { number_of_fragments?: number }>> = {
  table: { name: {}, description: {}, 'columns.general': { number_of_fragments: 10 }, column_descriptions: { number_of_fragments: 5 } },
  dashboard: { name: {}, description: {}, chart_names: {}, query_names: {} },
  user: { name: {}, key: {} },
};

/** Highlight field names as the API names them. */
export const HIGHLIGHT_NAMES: Record<string, string> = { 'columns.general': 'columns', key: 'email', name: 'name' };

/** The v2.1 query of one resource type: fuzzy weighted matches, rank_feature usage boosts, wildcard filters. */
export function buildQuery(
  type: SearchResourceType,
  term: string,
  filters: readonly SearchFilter[],
  from: number,
  size: number,
  highlight: boolean,
) {
  const filter = filters.flatMap((f): object[] => {
    const field = FILTER_FIELDS[type][f.name];
    if (!field || f.values.length === 0) return [];
    const clauses = f.values.map((v) => ({ wildcard: { [field]: { value: v, case_insensitive: true } } }));
    return f.operation === 'OR' ? [{ bool: { should: clauses, minimum_should_match: 1 } }] : clauses;
  });
  const text = term.trim();
  // An empty query browses: everything that passes the filters, the most used first.
  const must =
    text === ''
      ? [{ match_all: {} }]
      : [
          {
            bool: {
              should: MATCH_FIELDS[type].map(([field, boost]) => ({ match: { [field]: { query: text, fuzziness: 'AUTO', boost } } })),
            },
          },
        ];
  return {
    from,
    size,
    query: { bool: { must, should: USAGE_FEATURES[type].map((field) => ({ rank_feature: { field, boost: 10 } })), filter } },
    ...(highlight && text !== '' && { highlight: { type: 'unified', fields: HIGHLIGHT_FIELDS[type] } }),
  };
}
