import {
  catalogSearchDocuments,
  dashboardDocument,
  dashboardSearchSource,
  featureDocument,
  searchKeyProblem,
  tableDocument,
  tableSearchSource,
  userDocument,
} from './search-documents';
import { dashboardDocumentSchema, featureDocumentSchema, tableDocumentSchema } from './search';
import { SEARCH_LIMITS } from './text-rules';
import { normalizeUser } from './user';

describe('searchKeyProblem', () => {
  it('takes keys up to SEARCH_LIMITS.keyBytes bytes of UTF-8 (Elasticsearch refuses longer document ids)', () => {
    expect(SEARCH_LIMITS.keyBytes).toBe(512);
    expect(searchKeyProblem('k'.repeat(512))).toBeUndefined();
    expect(searchKeyProblem('k'.repeat(513))).toBe('is longer than 512 bytes (UTF-8)');
    // 300 characters, 600 bytes: counted in bytes, not characters.
    expect(searchKeyProblem('é'.repeat(300))).toBe('is longer than 512 bytes (UTF-8)');
    expect(searchKeyProblem('é'.repeat(256))).toBeUndefined();
  });
});

describe('the search document mapping', () => {
  it("carries a view's is_view (stored or ingested); a table's document leaves it out, as databuilder's do", () => {
    const view = tableSearchSource({ database: 'hive', cluster: 'gold', schema: 'core', name: 'big_orders', is_view: true });
    expect(view.is_view).toBe(true);
    expect(tableDocument(view)).toMatchObject({ key: 'hive://gold.core/big_orders', is_view: true });
    expect(tableDocumentSchema.parse(tableDocument(view)).is_view).toBe(true);
    const table = tableDocument(tableSearchSource({ database: 'hive', cluster: 'gold', schema: 'core', name: 'orders' }));
    expect(table).not.toHaveProperty('is_view');
  });

  it('maps an ingestion record and the stored table it becomes to the same document', () => {
    const record = {
      database: 'hive',
      cluster: 'gold',
      schema: 'core',
      name: 'orders',
      description: 'Orders',
      columns: [
        { name: 'b', col_type: 'int', sort_order: 1 },
        { name: 'a', col_type: 'int', sort_order: 0, description: 'first' },
      ],
      tags: ['sales', 'finance'],
      badges: [{ badge_name: 'certified', category: 'table_status' }],
    };
    const stored = {
      key: 'hive://gold.core/orders',
      database: 'hive',
      cluster: 'gold',
      schema: 'core',
      name: 'orders',
      is_view: false,
      description: 'Orders',
      schema_description: null,
      last_updated_timestamp: null,
      columns: [
        { name: 'a', col_type: 'int', sort_order: 0, description: 'first', badges: [] },
        { name: 'b', col_type: 'int', sort_order: 1, description: null, badges: [] },
      ],
      tags: [
        { tag_name: 'finance', tag_type: 'default' },
        { tag_name: 'sales', tag_type: 'default' },
      ],
      badges: [{ badge_name: 'certified', category: 'table_status' }],
      owners: [],
      readers: [],
      usage: { total: 7, unique: 2 },
    };
    const document = tableDocument(tableSearchSource(record, { total: 7, unique: 2 }));
    expect(tableDocument(stored)).toEqual(document);
    expect(document).toEqual({
      key: 'hive://gold.core/orders',
      database: 'hive',
      cluster: 'gold',
      schema: 'core',
      name: 'orders',
      description: 'Orders',
      schema_description: null,
      columns: ['a', 'b'],
      column_descriptions: ['first'],
      tags: ['finance', 'sales'],
      badges: ['certified'],
      last_updated_timestamp: null,
      total_usage: 7,
      unique_usage: 2,
    });
  });

  it('maps a dashboard record to a document keyed by its uri', () => {
    const document = dashboardDocument(
      dashboardSearchSource({ product: 'mode', cluster: 'prod', group_name: 'ops', name: 'revenue', tags: ['b', 'a'] }, 4),
    );
    expect(document).toMatchObject({
      key: 'mode_dashboard://prod.ops/revenue',
      uri: 'mode_dashboard://prod.ops/revenue',
      tags: ['a', 'b'],
    });
    expect(document.total_usage).toBe(4);
  });

  it("fills a dashboard's query names and chart names (its own charts, then its queries'), from a record and from the stored dashboard alike", () => {
    const record = {
      product: 'mode',
      cluster: 'prod',
      group_name: 'ops',
      name: 'revenue',
      chart_names: ['Headline'],
      queries: [
        { name: 'Daily orders', chart_names: ['Orders by day', 'Orders by region'] },
        { id: 'q2', name: 'Refunds', query_text: 'select 1' },
        { id: 'q3', name: 'Daily orders', chart_names: ['Refund rate'] },
      ],
    };
    const document = dashboardDocument(dashboardSearchSource(record));
    expect(document).toMatchObject({
      chart_names: ['Headline', 'Orders by day', 'Orders by region', 'Refund rate'],
      // In their order, each name once (databuilder collects DISTINCT query names).
      query_names: ['Daily orders', 'Refunds'],
    });
    const stored = {
      uri: 'mode_dashboard://prod.ops/revenue',
      product: 'mode',
      cluster: 'prod',
      group_name: 'ops',
      group_url: '',
      name: 'revenue',
      url: '',
      description: null,
      group_description: null,
      last_successful_run_timestamp: null,
      chart_names: ['Headline', 'Orders by day', 'Orders by region', 'Refund rate'],
      // A query of the graph may have no name (databuilder's Query nodes): it names nothing.
      queries: [
        { name: 'Daily orders', url: null, query_text: null },
        { name: null, url: 'https://mode.example.com/q', query_text: null },
        { name: 'Refunds', url: null, query_text: 'select 1' },
        { name: 'Daily orders', url: null, query_text: null },
      ],
      tags: [],
      badges: [],
      recent_view_count: 0,
    };
    expect(dashboardDocument(stored)).toEqual(document);
    expect(dashboardDocumentSchema.safeParse(document).success).toBe(true);
  });

  it("carries the table's schema description and the dashboard's group description (databuilder's documents carry them)", () => {
    const table = tableDocument(
      tableSearchSource({ database: 'hive', cluster: 'gold', schema: 'core', name: 'orders', schema_description: 'Core business tables.' }),
    );
    expect(table.schema_description).toBe('Core business tables.');
    expect(tableDocumentSchema.safeParse(table).success).toBe(true);
    expect(
      tableDocument(tableSearchSource({ database: 'hive', cluster: 'gold', schema: 'core', name: 'orders' })).schema_description,
    ).toBeNull();
    const dashboard = dashboardDocument(
      dashboardSearchSource({ product: 'mode', cluster: 'prod', group_name: 'ops', name: 'revenue', group_description: 'Operations.' }),
    );
    expect(dashboard.group_description).toBe('Operations.');
    expect(dashboardDocumentSchema.safeParse(dashboard).success).toBe(true);
    expect(
      dashboardDocument(dashboardSearchSource({ product: 'mode', cluster: 'prod', group_name: 'ops', name: 'revenue' })).group_description,
    ).toBeNull();
    // Long ones are indexed truncated, as every description.
    const long = 'x'.repeat(SEARCH_LIMITS.description + 10);
    expect(
      tableDocument(tableSearchSource({ database: 'hive', cluster: 'gold', schema: 'core', name: 'orders', schema_description: long }))
        .schema_description,
    ).toHaveLength(SEARCH_LIMITS.description);
    expect(
      dashboardDocument(dashboardSearchSource({ product: 'mode', cluster: 'prod', group_name: 'ops', name: 'r', group_description: long }))
        .group_description,
    ).toHaveLength(SEARCH_LIMITS.description);
    // Documents made before Fram carried them are still documents.
    const { schema_description: _schema, ...older } = table;
    expect(tableDocumentSchema.safeParse(older).success).toBe(true);
  });

  it('gives every table of a schema, and every dashboard of a group, the description the catalog gives it last', () => {
    const documents = catalogSearchDocuments({
      tables: [
        { database: 'hive', cluster: 'gold', schema: 'core', name: 'orders', schema_description: 'Core.' },
        { database: 'hive', cluster: 'gold', schema: 'core', name: 'customers' },
        { database: 'hive', cluster: 'gold', schema: 'raw', name: 'events', schema_description: 'Raw.' },
        { database: 'hive', cluster: 'gold', schema: 'raw', name: 'clicks', schema_description: null },
      ],
      users: [],
      dashboards: [
        { product: 'mode', cluster: 'prod', group_name: 'ops', name: 'a' },
        { product: 'mode', cluster: 'prod', group_name: 'ops', name: 'b', group_description: 'Operations.' },
        { product: 'mode', cluster: 'prod', group_name: 'sales', name: 'c' },
      ],
      reads: [],
    });
    expect(documents.table.map((t) => [t.name, t.schema_description])).toEqual([
      ['orders', 'Core.'],
      ['customers', 'Core.'],
      ['events', null],
      ['clicks', null],
    ]);
    expect(documents.dashboard.map((d) => [d.name, d.group_description])).toEqual([
      ['a', 'Operations.'],
      ['b', 'Operations.'],
      ['c', null],
    ]);
  });

  it("maps a feature (Amundsen's Feature fields) to a document: tags and badges as sorted names, with its usage", () => {
    const document = featureDocument(
      {
        key: 'rides/duration_avg/1.0',
        name: 'duration_avg',
        version: '1.0',
        status: 'active',
        feature_group: 'rides',
        entity: 'rider',
        availability: ['hive', 'dynamo'],
        description: 'Average ride duration',
        tags: [{ tag_name: 'ml' }, { tag_name: 'core' }, { tag_name: 'ml' }],
        badges: [{ badge_name: 'beta' }],
        last_updated_timestamp: 1700000000,
      },
      12,
    );
    expect(document).toEqual({
      key: 'rides/duration_avg/1.0',
      name: 'duration_avg',
      feature_group: 'rides',
      version: '1.0',
      status: 'active',
      entity: 'rider',
      description: 'Average ride duration',
      availability: ['hive', 'dynamo'],
      tags: ['core', 'ml'],
      badges: ['beta'],
      last_updated_timestamp: 1700000000,
      total_usage: 12,
    });
    expect(featureDocumentSchema.safeParse(document).success).toBe(true);
    const long = featureDocument({ ...document, tags: [], badges: [], description: 'x'.repeat(SEARCH_LIMITS.description + 1) });
    expect(long.description).toHaveLength(SEARCH_LIMITS.description);
    expect(long.total_usage).toBe(0);
  });

  it('fits every document to SEARCH_LIMITS (long texts are indexed truncated)', () => {
    const long = 'x'.repeat(SEARCH_LIMITS.description + 10);
    const table = tableDocument(tableSearchSource({ database: 'hive', cluster: 'c', schema: 's', name: 'n', description: long }));
    expect(table.description?.length).toBeLessThanOrEqual(SEARCH_LIMITS.description);
    const user = userDocument(normalizeUser({ email: 'ada@example.com', full_name: 'A'.repeat(SEARCH_LIMITS.fullName + 10) }), {
      read: 3,
      own: 1,
      follow: 2,
    });
    expect(user.full_name.length).toBeLessThanOrEqual(SEARCH_LIMITS.fullName);
    expect(user).toMatchObject({ key: 'ada@example.com', total_read: 3, total_own: 1, total_follow: 2 });
  });
});
