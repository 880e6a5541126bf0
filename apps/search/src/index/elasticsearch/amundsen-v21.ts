import type { estypes } from '@elastic/elasticsearch';
import {
  MAX_FACET_VALUES,
  type DashboardDocument,
  type Facets,
  type FeatureDocument,
  type IndexedResourceType,
  type SearchFilter,
  type SearchSort,
  type TableDocument,
  type UserDocument,
} from '@fram/models';
import { facetFieldOf } from '../resource-schemas';

/**
 * Amundsen's v2.1 search indices (databuilder's document_mappings.py): the
 * aliases, the index bodies, the documents, and the queries, so indices
 * built by Amundsen's databuilder are served as they are, and indices Fram
 * creates serve Amundsen's search service as well.
 */

export const aliasOf = (template: string, type: IndexedResourceType) => template.replace('{resource}', type);

// ---- Index bodies: databuilder's, field for field (checked against a transcription in the spec). ----

/** Every text field keeps positions and offsets: the fvh highlighter Amundsen's search service uses needs them. */
const TERM_VECTOR = 'with_positions_offsets';

const textField = (analyzer: string, fields?: Record<string, object>) => ({
  type: 'text',
  analyzer,
  term_vector: TERM_VECTOR,
  ...(fields && { fields }),
});
const keyword = { type: 'keyword' };
/** Subfields: the exact value (filters), the value split into lower-case words, word shingles. */
const general = textField('general_analyzer');
const alphanumeric = textField('alphanum_analyzer');
const ngram = (name: string) => textField(`ngram_analyzer_${name}`);

/** A word-shingle subfield's analysis: shingles of 2 to `max` words joined by `separator` (no lowercasing, as databuilder's). */
interface Shingles {
  name: string;
  max: number;
  separator: string;
}
const TABLE_NAME: Shingles = { name: 'table_name', max: 8, separator: '_' };
const TABLE_COLUMNS: Shingles = { name: 'table_columns', max: 5, separator: '_' };
const RESOURCE_NAME: Shingles = { name: 'resource_name', max: 8, separator: ' ' };
const DASHBOARD_CHART: Shingles = { name: 'dashboard_chart', max: 5, separator: ' ' };
const DASHBOARD_QUERY: Shingles = { name: 'dashboard_query', max: 5, separator: ' ' };

const ENGLISH_FILTERS = ['english_possessive_stemmer', 'lowercase', 'english_stop', 'english_stemmer'];

/** The settings of an index whose ngram subfields use `shingles`. */
function settings(shingles: readonly Shingles[]) {
  return {
    max_shingle_diff: 10,
    analysis: {
      tokenizer: {
        alphanum_tokenizer: { type: 'pattern', pattern: '[^a-zA-Z0-9]' },
        standard_tokenizer: { type: 'standard' },
      },
      filter: {
        english_stop: { type: 'stop', stopwords: '_english_' },
        english_stemmer: { type: 'stemmer', language: 'english' },
        english_possessive_stemmer: { type: 'stemmer', language: 'possessive_english' },
        ...Object.fromEntries(
          shingles.map((s) => [
            `shingle_filter_${s.name}`,
            {
              type: 'shingle',
              output_unigrams: true,
              min_shingle_size: 2,
              max_shingle_size: s.max,
              token_separator: s.separator,
            },
          ]),
        ),
      },
      analyzer: {
        general_analyzer: { type: 'custom', tokenizer: 'alphanum_tokenizer', filter: ['lowercase'] },
        stemming_analyzer: { type: 'custom', tokenizer: 'alphanum_tokenizer', filter: ['lowercase', 'kstem'] },
        english_analyzer: { type: 'custom', tokenizer: 'standard_tokenizer', filter: ENGLISH_FILTERS },
        alphanum_analyzer: { type: 'custom', tokenizer: 'alphanum_tokenizer', filter: ENGLISH_FILTERS },
        ...Object.fromEntries(
          shingles.map((s) => [
            `ngram_analyzer_${s.name}`,
            { type: 'custom', tokenizer: 'alphanum_tokenizer', filter: [`shingle_filter_${s.name}`] },
          ]),
        ),
      },
    },
  };
}

/** databuilder's SearchableResource: the fields of every document type. */
const BASE = {
  key: textField('general_analyzer', { keyword }),
  name: textField('stemming_analyzer', { keyword, general, ngram: ngram(RESOURCE_NAME.name) }),
  description: textField('english_analyzer', { alphanumeric, general }),
  badges: textField('general_analyzer', { keyword }),
  tags: textField('general_analyzer', { keyword }),
  usage: { type: 'rank_features' },
  last_updated_timestamp: { type: 'date' },
  resource_type: keyword,
};

const mappings = (properties: Record<string, object>) => ({ _meta: { version: 2 }, properties: { ...BASE, ...properties } });

/**
 * The index body (settings and mappings, `_meta.version: 2`) of each
 * resource type. Fields a document carries beyond these (a dashboard's
 * product and url, a person's team) get Elasticsearch's dynamic mapping
 * (text with a `.keyword` subfield), as on indices databuilder builds.
 */
export const INDEX_BODIES: Record<IndexedResourceType, { settings: object; mappings: object }> = {
  table: {
    settings: settings([TABLE_NAME, TABLE_COLUMNS]),
    mappings: mappings({
      name: textField('stemming_analyzer', { keyword, general, ngram: ngram(TABLE_NAME.name) }),
      columns: textField('stemming_analyzer', { keyword, general, ngram: ngram(TABLE_COLUMNS.name) }),
      display_name: textField('general_analyzer', { keyword }),
      database: textField('general_analyzer', { keyword }),
      cluster: textField('general_analyzer', { keyword }),
      schema: textField('stemming_analyzer', { keyword, general }),
      column_descriptions: textField('english_analyzer', { alphanumeric, general }),
      /** Fram's (not in databuilder's mapping): the table is a view; absent in databuilder's documents. */
      is_view: { type: 'boolean' },
    }),
  },
  dashboard: {
    settings: settings([RESOURCE_NAME, DASHBOARD_QUERY, DASHBOARD_CHART]),
    mappings: mappings({
      group_name: textField('stemming_analyzer', { keyword, general }),
      group_description: textField('english_analyzer'),
      query_names: textField('stemming_analyzer', { keyword, general, ngram: ngram(DASHBOARD_QUERY.name) }),
      chart_names: textField('stemming_analyzer', { keyword, general, ngram: ngram(DASHBOARD_CHART.name) }),
    }),
  },
  feature: {
    settings: settings([RESOURCE_NAME]),
    mappings: mappings({
      feature_group: textField('stemming_analyzer', { keyword, general }),
      version: keyword,
      status: keyword,
      entity: textField('general_analyzer', { keyword }),
      availability: keyword,
    }),
  },
  user: {
    settings: settings([RESOURCE_NAME]),
    mappings: mappings({
      first_name: textField('stemming_analyzer', { keyword, general }),
      last_name: textField('stemming_analyzer', { keyword, general }),
    }),
  },
};

// ---- Documents ----

/** rank_features must be positive: Amundsen's documents leave zero usage out. */
const positive = (values: Record<string, number>) => Object.fromEntries(Object.entries(values).filter(([, v]) => v > 0));

/** Fram's documents as Amundsen's v2.1 documents (the fields databuilder's queries give them). */
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
    schema_description: d.schema_description ?? null,
    column_descriptions: d.column_descriptions,
    ...(d.is_view !== undefined && { is_view: d.is_view }),
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
    group_description: d.group_description ?? null,
    query_names: d.query_names,
    chart_names: d.chart_names,
    product: d.product,
    cluster: d.cluster,
    uri: d.uri,
    url: d.url,
    group_url: d.group_url,
    last_successful_run_timestamp: d.last_successful_run_timestamp,
  }),
  feature: (d: FeatureDocument) => ({
    key: d.key,
    name: d.name,
    description: d.description,
    badges: d.badges,
    tags: d.tags,
    usage: positive({ total_usage: d.total_usage }),
    last_updated_timestamp: d.last_updated_timestamp,
    resource_type: 'feature',
    feature_group: d.feature_group,
    version: d.version,
    status: d.status,
    entity: d.entity,
    availability: d.availability,
  }),
};

type Source = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null);
const strs = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : typeof v === 'string' ? [v] : []);
/** A field databuilder may fill with one value or a list (a feature's entity): its first value. */
const first = (v: unknown) => (Array.isArray(v) ? str(v[0]) : str(v));
const num = (v: unknown) => (typeof v === 'number' ? v : 0);
const time = (v: unknown) => (typeof v === 'number' ? v : null);
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
      schema_description: str(s['schema_description']),
      columns: strs(s['columns']),
      column_descriptions: strs(s['column_descriptions']),
      tags: strs(s['tags']),
      badges: strs(s['badges']),
      last_updated_timestamp: time(s['last_updated_timestamp']),
      ...(typeof s['is_view'] === 'boolean' && { is_view: s['is_view'] }),
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
    // databuilder's Neo4j extractor writes '' for a group without one.
    group_description: str(s['group_description']) || null,
    chart_names: strs(s['chart_names']),
    query_names: strs(s['query_names']),
    tags: strs(s['tags']),
    badges: strs(s['badges']),
    last_successful_run_timestamp: time(s['last_successful_run_timestamp']),
    total_usage: num(usage(s)['total_usage']),
  }),
  feature: (s: Source): FeatureDocument => {
    // Keys are `{feature_group}/{name}/{version}`: the fallbacks for documents without the fields.
    const key = String(s['key']);
    const [group = '', name = '', version = ''] = key.split('/');
    return {
      key,
      name: str(s['name']) ?? str(s['feature_name']) ?? name,
      feature_group: str(s['feature_group']) ?? group,
      version: str(s['version']) ?? version,
      status: str(s['status']),
      entity: first(s['entity']),
      description: str(s['description']),
      availability: strs(s['availability']),
      tags: strs(s['tags']),
      badges: strs(s['badges']),
      last_updated_timestamp: time(s['last_updated_timestamp']),
      total_usage: num(usage(s)['total_usage']),
    };
  },
};

// ---- Queries ----

/** A match field: its boost, and whether typos are forgiven (not on keyword fields such as a feature's version). */
type MatchField = [field: string, boost: number, fuzzy?: false];

/** Amundsen v2.1's weighted match fields per resource type (fuzzy unless marked). */
const MATCH_FIELDS: Record<IndexedResourceType, MatchField[]> = {
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
  feature: [
    ['name', 5],
    ['description', 1.5],
    ['badges', 1],
    ['tags', 1],
    ['feature_group', 3],
    ['version', 1, false],
    ['entity', 2],
    ['status', 1, false],
  ],
  user: [
    ['name', 5],
    ['first_name', 3],
    ['last_name', 3],
    ['team_name', 1],
    ['key', 4],
  ],
};

const USAGE_FEATURES: Record<IndexedResourceType, string[]> = {
  table: ['usage.total_usage', 'usage.unique_usage'],
  dashboard: ['usage.total_usage'],
  feature: ['usage.total_usage'],
  user: ['usage.total_read', 'usage.total_own', 'usage.total_follow'],
};

/**
 * UI filter names to the keyword fields they match (v2.1 *_MAPPING; fields
 * outside databuilder's mappings have the `.keyword` of the dynamic mapping).
 */
const FILTER_FIELDS: Record<IndexedResourceType, Record<string, string>> = {
  table: {
    key: 'key.keyword',
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
    chart_names: 'chart_names.keyword',
    query_names: 'query_names.keyword',
    tag: 'tags.keyword',
    badges: 'badges.keyword',
    product: 'product.keyword',
    cluster: 'cluster.keyword',
  },
  feature: {
    key: 'key.keyword',
    feature_group: 'feature_group.keyword',
    feature_name: 'name.keyword',
    entity: 'entity.keyword',
    status: 'status',
    version: 'version',
    availability: 'availability',
    tags: 'tags.keyword',
    tag: 'tags.keyword',
    badges: 'badges.keyword',
  },
  user: { team_name: 'team_name.keyword', employee_type: 'employee_type.keyword' },
};

/** Amundsen's highlighted fields: names and descriptions whole, the best column and chart fragments. */
const WHOLE = { number_of_fragments: 0 };
const best = (fragments: number) => ({ number_of_fragments: fragments, order: 'score' });
const HIGHLIGHT_FIELDS: Record<IndexedResourceType, Record<string, object>> = {
  table: { name: WHOLE, description: WHOLE, 'columns.general': best(10), column_descriptions: best(5) },
  dashboard: { name: WHOLE, description: WHOLE, chart_names: best(10), query_names: best(10) },
  feature: { name: WHOLE, description: WHOLE },
  user: { name: WHOLE, key: WHOLE },
};

/** Highlight field names as the API names them. */
export const HIGHLIGHT_NAMES: Record<string, string> = { 'columns.general': 'columns', key: 'email', name: 'name' };

/** The usage a search sorted by usage orders by (a person's: what they read). */
const USAGE_SORT_FEATURE: Record<IndexedResourceType, string> = {
  table: 'usage.total_usage',
  dashboard: 'usage.total_usage',
  feature: 'usage.total_usage',
  user: 'usage.total_read',
};

/** The time a search sorted by last update orders by (people have none: they stay by relevance). */
const UPDATED_FIELD: Record<IndexedResourceType, string | undefined> = {
  table: 'last_updated_timestamp',
  dashboard: 'last_successful_run_timestamp',
  feature: 'last_updated_timestamp',
  user: undefined,
};

/** By name, any case: the keyword lower-cased (a script: databuilder's indices have no normalized name field). */
const NAME_SORT_SCRIPT = "doc['name.keyword'].size() == 0 ? '' : doc['name.keyword'].value.toLowerCase()";
const BY_KEY: estypes.SortCombinations = { 'key.keyword': { order: 'asc' } };
const BY_SCORE: estypes.SortCombinations = { _score: { order: 'desc' } };

/** The `sort` of a search in `sort` order (none: by score, as Amundsen's). */
function sortClauses(type: IndexedResourceType, sort: SearchSort): estypes.SortCombinations[] | undefined {
  if (sort === 'name')
    return [{ _script: { type: 'string', order: 'asc', script: { lang: 'painless', source: NAME_SORT_SCRIPT } } }, BY_KEY];
  const updated = UPDATED_FIELD[type];
  if (sort === 'last_updated' && updated)
    return [{ [updated]: { order: 'desc', missing: '_last', unmapped_type: 'long' } }, BY_SCORE, BY_KEY];
  // By usage: the score is the usage itself (rank_features have no doc values to sort on).
  if (sort === 'usage') return [BY_SCORE, BY_KEY];
  return undefined;
}

/** The options of one type's query. */
export interface QueryOptions {
  term: string;
  filters: readonly SearchFilter[];
  from: number;
  size: number;
  highlight: boolean;
  /** Relevance when absent. */
  sort?: SearchSort;
  /** The filter fields whose values to count; none: no aggregations. */
  facets?: readonly string[];
}

/** The keyword fields of a type's filter clauses, by the field facets name them. */
function filterClauses(type: IndexedResourceType, filters: readonly SearchFilter[]): { field: string; clauses: object[] }[] {
  return filters.flatMap((f) => {
    const field = FILTER_FIELDS[type][f.name];
    if (!field || f.values.length === 0) return [];
    const clauses = f.values.map((v) => ({ wildcard: { [field]: { value: v, case_insensitive: true } } }));
    return [
      { field: facetFieldOf(f.name), clauses: f.operation === 'OR' ? [{ bool: { should: clauses, minimum_should_match: 1 } }] : clauses },
    ];
  });
}

/**
 * The aggregations of facets: per field, the filters of every other field, then its values' counts (the most
 * frequent first, ties by value). The filters themselves then filter the hits only (post_filter).
 */
function facetAggregations(type: IndexedResourceType, filters: ReturnType<typeof filterClauses>, facets: readonly string[]) {
  return Object.fromEntries(
    facets.flatMap((name) => {
      const field = FILTER_FIELDS[type][name];
      if (!field) return [];
      const others = filters.filter((f) => f.field !== name).flatMap((f) => f.clauses);
      const values = {
        terms: { field, size: MAX_FACET_VALUES, order: FACET_ORDER, exclude: [''] },
      };
      return [[name, { filter: { bool: { filter: others } }, aggs: { values } }]];
    }),
  );
}

/** Facet values: the most frequent first, ties by value. */
const FACET_ORDER: Record<string, 'asc' | 'desc'>[] = [{ _count: 'desc' }, { _key: 'asc' }];

/** A search answer's facets: each asked field's buckets as values and counts ([] when it has none). */
export function readFacets(facets: readonly string[], aggregations: Record<string, unknown> | undefined): Facets {
  return Object.fromEntries(
    facets.map((name) => {
      const agg = aggregations?.[name] as
        { values?: { buckets?: { key: unknown; key_as_string?: string; doc_count: number }[] } } | undefined;
      const buckets = agg?.values?.buckets ?? [];
      return [name, buckets.map((b) => ({ value: b.key_as_string ?? String(b.key), count: b.doc_count }))];
    }),
  );
}

/**
 * The v2.1 query of one resource type: weighted matches, rank_feature usage boosts, wildcard filters; in
 * the order asked for, with the facets asked for (aggregations, the filters then applied as a post_filter).
 */
export function buildQuery(type: IndexedResourceType, options: QueryOptions) {
  const { term, from, size, highlight } = options;
  const sort = options.sort ?? 'relevance';
  const facets = options.facets && options.facets.length > 0 ? options.facets : undefined;
  const byField = filterClauses(type, options.filters);
  const filter = byField.flatMap((f) => f.clauses);
  const text = term.trim();
  // An empty query browses: everything that passes the filters, the most used first.
  const must =
    text === ''
      ? [{ match_all: {} }]
      : [
          {
            bool: {
              should: MATCH_FIELDS[type].map(([field, boost, fuzzy]) => ({
                match: { [field]: fuzzy === false ? { query: text } : { query: text, fuzziness: 'AUTO', boost } },
              })),
            },
          },
        ];
  // With facets, the aggregations see every match of the query; the filters apply to the hits afterwards.
  const queryFilter = facets ? [] : filter;
  const query =
    sort === 'usage'
      ? // Matches filter (unscored); the score is the usage itself, exact up to rank_features' precision.
        { bool: { filter: [...must, ...queryFilter], should: [{ rank_feature: { field: USAGE_SORT_FEATURE[type], linear: {} } }] } }
      : { bool: { must, should: USAGE_FEATURES[type].map((field) => ({ rank_feature: { field, boost: 10 } })), filter: queryFilter } };
  const sorted = sortClauses(type, sort);
  return {
    from,
    size,
    query,
    ...(sorted && { sort: sorted }),
    ...(facets && { post_filter: { bool: { filter } }, aggs: facetAggregations(type, byField, facets) }),
    // The unified highlighter (not Amundsen's fvh): it uses the term vectors where an index has them, and
    // still works on an index made without them.
    ...(highlight && text !== '' && { highlight: { type: 'unified', fields: HIGHLIGHT_FIELDS[type] } }),
  };
}
