import { Client, errors } from '@elastic/elasticsearch';
import Mock from '@elastic/elasticsearch-mock';
import { DependencyUnavailableError } from '@fram/errors';
import { MAX_FACET_VALUES, type DashboardDocument, type FeatureDocument, type SearchRequest, type TableDocument } from '@fram/models';
import { randomUUID } from 'node:crypto';
import { describeSearchIndexContract } from '../search-index.contract';
import { fromElastic, INDEX_BODIES, toElastic } from './amundsen-v21';
import { DATABUILDER_V21_INDEX_BODIES } from './databuilder-v21-index-bodies.fixture';
import { ElasticsearchSearchIndex } from './elasticsearch-search-index';

// The same contract as the embedded index, against a real Elasticsearch whenever ELASTICSEARCH_URL
// is set (no server can run on the development machines; see the README). Its own aliases, removed after.
const url = process.env['ELASTICSEARCH_URL'];
if (url) {
  const template = `fram_contract_${randomUUID().slice(0, 8)}_{resource}`;
  describeSearchIndexContract(
    `Elasticsearch at ${url}`,
    async () => new ElasticsearchSearchIndex({ client: new Client({ node: url }), aliasTemplate: template }),
    async (index) => {
      const client = new Client({ node: url });
      await client.indices.delete({ index: template.replace('{resource}', '*') + '*' }).catch(() => undefined);
      await client.close();
      await index.close();
    },
  );
}

/**
 * Request bodies and response parsing, checked against the official client's
 * mock (TEST DOUBLE of an Elasticsearch server: none can run here). The same
 * behaviour is checked against a real server by the contract suite whenever
 * ELASTICSEARCH_URL is set.
 */
describe('ElasticsearchSearchIndex (with @elastic/elasticsearch-mock)', () => {
  let mock: Mock;
  let index: ElasticsearchSearchIndex;
  beforeEach(() => {
    mock = new Mock();
    index = new ElasticsearchSearchIndex({
      client: new Client({ node: 'http://localhost:9200', Connection: mock.getConnection(), maxRetries: 0 }),
    });
  });

  const request = (extra: Partial<SearchRequest> = {}): SearchRequest => ({
    query_term: 'ordrs',
    resource_types: ['table', 'user'],
    page_index: 1,
    results_per_page: 5,
    filters: [
      { name: 'database', values: ['big*', 'hive'], operation: 'OR' },
      { name: 'tag', values: ['sales', 'core'], operation: 'AND' },
    ],
    highlight_options: { table: { enable_highlight: true } },
    sort_by: 'relevance',
    facets: {},
    ...extra,
  });

  it("creates indices with databuilder's v2.1 bodies exactly: term vectors, analyzers, shingles per field, keyword subfields", () => {
    // The fixture is a transcription of what databuilder sends (its source and commit are in it); Fram adds
    // one field of its own to the table mapping: is_view, a boolean (absent in databuilder's documents).
    const table = DATABUILDER_V21_INDEX_BODIES.table as { settings: object; mappings: { properties: object } };
    expect(INDEX_BODIES).toEqual({
      ...DATABUILDER_V21_INDEX_BODIES,
      table: { ...table, mappings: { ...table.mappings, properties: { ...table.mappings.properties, is_view: { type: 'boolean' } } } },
    });
  });

  it("sends one multi-search in Amundsen v2.1's manner: fuzzy weighted matches, usage rank features, wildcard filters", async () => {
    let body: unknown[] = [];
    mock.add({ method: 'POST', path: '/_msearch' }, (params) => {
      body = params.body as unknown[];
      return { responses: [{ hits: { total: { value: 0 }, hits: [] } }, { hits: { total: { value: 0 }, hits: [] } }] };
    });
    await index.search(request());
    expect(body).toHaveLength(4);
    expect(body[0]).toEqual({ index: 'table_search_index_v2_1' });
    expect(body[2]).toEqual({ index: 'user_search_index_v2_1' });
    const table = body[1] as {
      from: number;
      size: number;
      query: { bool: { must: { bool: { should: unknown[] } }[]; should: unknown[]; filter: unknown[] } };
      highlight?: unknown;
    };
    expect(table.from).toBe(5);
    expect(table.size).toBe(5);
    expect(table.query.bool.must[0].bool.should).toEqual([
      { match: { name: { query: 'ordrs', fuzziness: 'AUTO', boost: 5 } } },
      { match: { description: { query: 'ordrs', fuzziness: 'AUTO', boost: 1.5 } } },
      { match: { badges: { query: 'ordrs', fuzziness: 'AUTO', boost: 1 } } },
      { match: { tags: { query: 'ordrs', fuzziness: 'AUTO', boost: 1 } } },
      { match: { schema: { query: 'ordrs', fuzziness: 'AUTO', boost: 3 } } },
      { match: { 'columns.general': { query: 'ordrs', fuzziness: 'AUTO', boost: 2 } } },
      { match: { column_descriptions: { query: 'ordrs', fuzziness: 'AUTO', boost: 1 } } },
    ]);
    expect(table.query.bool.should).toEqual([
      { rank_feature: { field: 'usage.total_usage', boost: 10 } },
      { rank_feature: { field: 'usage.unique_usage', boost: 10 } },
    ]);
    expect(table.query.bool.filter).toEqual([
      {
        bool: {
          should: [
            { wildcard: { 'database.keyword': { value: 'big*', case_insensitive: true } } },
            { wildcard: { 'database.keyword': { value: 'hive', case_insensitive: true } } },
          ],
          minimum_should_match: 1,
        },
      },
      { wildcard: { 'tags.keyword': { value: 'sales', case_insensitive: true } } },
      { wildcard: { 'tags.keyword': { value: 'core', case_insensitive: true } } },
    ]);
    expect(table.highlight).toMatchObject({ fields: { name: {}, description: {}, 'columns.general': { number_of_fragments: 10 } } });
    const user = body[3] as {
      query: { bool: { must: { bool: { should: { match: Record<string, unknown> }[] } }[]; filter: unknown[] } };
      highlight?: unknown;
    };
    expect(user.query.bool.must[0].bool.should.map((c) => Object.keys(c.match)[0])).toEqual([
      'name',
      'first_name',
      'last_name',
      'team_name',
      'key',
    ]);
    expect(user.query.bool.filter).toEqual([]); // table filters do not apply to people
    expect(user.highlight).toBeUndefined();
  });

  it('browses with an empty query: everything that passes the filters, the most used first', async () => {
    let body: unknown[] = [];
    mock.add({ method: 'POST', path: '/_msearch' }, (params) => {
      body = params.body as unknown[];
      return { responses: [{ hits: { total: { value: 0 }, hits: [] } }] };
    });
    await index.search(request({ query_term: '', resource_types: ['table'], filters: [] }));
    expect((body[1] as { query: unknown }).query).toEqual({
      bool: {
        must: [{ match_all: {} }],
        should: [{ rank_feature: { field: 'usage.total_usage', boost: 10 } }, { rank_feature: { field: 'usage.unique_usage', boost: 10 } }],
        filter: [],
      },
    });
  });

  it("reads hits of Amundsen's databuilder documents into Amundsen's response shape", async () => {
    mock.add({ method: 'POST', path: '/_msearch' }, () => ({
      responses: [
        {
          hits: {
            total: { value: 42 },
            hits: [
              {
                _score: 12.5,
                _source: {
                  key: 'hive://gold.core/orders',
                  name: 'orders',
                  schema: 'core',
                  database: 'hive',
                  cluster: 'gold',
                  description: 'One row per order.',
                  schema_description: 'Core business tables.',
                  columns: ['order_id', 'amount'],
                  tags: ['sales'],
                  badges: ['certified'],
                  usage: { total_usage: 120, unique_usage: 9 },
                  resource_type: 'table',
                },
                highlight: { 'columns.general': ['<em>order</em>_id'], name: ['<em>orders</em>'] },
              },
            ],
          },
        },
        { error: { type: 'index_not_found_exception' }, status: 404 },
      ],
    }));
    const response = await index.search(request());
    expect(response.results.table).toEqual({
      total_results: 42,
      results: [
        {
          key: 'hive://gold.core/orders',
          resource_type: 'table',
          database: 'hive',
          cluster: 'gold',
          schema: 'core',
          name: 'orders',
          table: 'orders',
          description: 'One row per order.',
          schema_description: 'Core business tables.',
          column: ['order_id', 'amount'],
          tag: ['sales'],
          badges: ['certified'],
          last_updated_timestamp: null,
          total_usage: 120,
          is_view: false,
          search_score: 12.5,
          highlight: { columns: ['<em>order</em>_id'], name: ['<em>orders</em>'] },
        },
      ],
    });
    expect(response.results.user).toEqual({ results: [], total_results: 0 }); // a missing alias is skipped
  });

  it('creates a missing alias with the v2.1 mappings, then bulk-indexes by key', async () => {
    const created: { path: string; body: Record<string, unknown> }[] = [];
    let bulk: unknown[] = [];
    mock.add(
      { method: 'HEAD', path: '/_alias/:name' },
      () => new errors.ResponseError({ body: {}, statusCode: 404, headers: {}, warnings: null, meta: {} as never }),
    );
    mock.add({ method: 'PUT', path: '/:index' }, (params) => {
      created.push({ path: String(params.path), body: params.body as Record<string, unknown> });
      return { acknowledged: true };
    });
    mock.add({ method: 'POST', path: '/_bulk' }, (params) => {
      bulk = params.body as unknown[];
      return { errors: false, items: [] };
    });
    mock.add({ method: 'POST', path: '/:index/_delete_by_query' }, () => ({ deleted: 0 }));
    const doc: TableDocument = {
      key: 'hive://gold.core/orders',
      database: 'hive',
      cluster: 'gold',
      schema: 'core',
      name: 'orders',
      description: null,
      schema_description: 'Core business tables.',
      columns: ['id'],
      column_descriptions: [],
      tags: [],
      badges: [],
      last_updated_timestamp: null,
      total_usage: 0,
      unique_usage: 3,
    };
    await index.upsert('table', [doc]);
    expect(created.map((c) => c.path)).toEqual([
      expect.stringMatching(/^\/table_search_index_v2_1_\d{8}_[0-9a-f]{32}$/),
      expect.stringMatching(/^\/dashboard_search_index_v2_1_\d{8}_[0-9a-f]{32}$/),
      expect.stringMatching(/^\/user_search_index_v2_1_\d{8}_[0-9a-f]{32}$/),
      expect.stringMatching(/^\/feature_search_index_v2_1_\d{8}_[0-9a-f]{32}$/),
    ]);
    // Each index is created with exactly the body databuilder's task sends (and Fram's is_view), and its alias.
    (['table', 'dashboard', 'user', 'feature'] as const).forEach((type, i) => {
      expect(created[i].body).toEqual({ ...INDEX_BODIES[type], aliases: { [`${type}_search_index_v2_1`]: {} } });
    });
    expect(bulk).toEqual([
      { index: { _index: 'table_search_index_v2_1', _id: 'hive://gold.core/orders' } },
      expect.objectContaining({
        key: 'hive://gold.core/orders',
        name: 'orders',
        display_name: 'core.orders',
        resource_type: 'table',
        schema_description: 'Core business tables.',
        usage: { unique_usage: 3 },
      }),
    ]);
  });

  it("searches features in Amundsen v2.1's manner: exact matches on version and status, keyword filters", async () => {
    let body: unknown[] = [];
    mock.add({ method: 'POST', path: '/_msearch' }, (params) => {
      body = params.body as unknown[];
      return { responses: [{ hits: { total: { value: 0 }, hits: [] } }, { hits: { total: { value: 0 }, hits: [] } }] };
    });
    await index.search(
      request({
        query_term: 'trip',
        resource_types: ['feature', 'dashboard'],
        filters: [
          { name: 'feature_group', values: ['rider*'], operation: 'OR' },
          { name: 'feature_name', values: ['trip*'], operation: 'AND' },
          { name: 'status', values: ['active'], operation: 'AND' },
          { name: 'product', values: ['mode'], operation: 'AND' },
        ],
        highlight_options: { feature: { enable_highlight: true } },
      }),
    );
    expect(body[0]).toEqual({ index: 'feature_search_index_v2_1' });
    const feature = body[1] as {
      query: { bool: { must: { bool: { should: unknown[] } }[]; should: unknown[]; filter: unknown[] } };
      highlight?: unknown;
    };
    expect(feature.query.bool.must[0].bool.should).toEqual([
      { match: { name: { query: 'trip', fuzziness: 'AUTO', boost: 5 } } },
      { match: { description: { query: 'trip', fuzziness: 'AUTO', boost: 1.5 } } },
      { match: { badges: { query: 'trip', fuzziness: 'AUTO', boost: 1 } } },
      { match: { tags: { query: 'trip', fuzziness: 'AUTO', boost: 1 } } },
      { match: { feature_group: { query: 'trip', fuzziness: 'AUTO', boost: 3 } } },
      { match: { version: { query: 'trip' } } },
      { match: { entity: { query: 'trip', fuzziness: 'AUTO', boost: 2 } } },
      { match: { status: { query: 'trip' } } },
    ]);
    expect(feature.query.bool.should).toEqual([{ rank_feature: { field: 'usage.total_usage', boost: 10 } }]);
    // feature_name is the name; status is a keyword field itself (databuilder's mapping has no status.keyword).
    expect(feature.query.bool.filter).toEqual([
      {
        bool: { should: [{ wildcard: { 'feature_group.keyword': { value: 'rider*', case_insensitive: true } } }], minimum_should_match: 1 },
      },
      { wildcard: { 'name.keyword': { value: 'trip*', case_insensitive: true } } },
      { wildcard: { status: { value: 'active', case_insensitive: true } } },
    ]);
    expect(feature.highlight).toEqual({
      type: 'unified',
      fields: { name: { number_of_fragments: 0 }, description: { number_of_fragments: 0 } },
    });
    // A dashboard's product is outside databuilder's mapping: Elasticsearch maps it dynamically, with a .keyword.
    expect((body[3] as { query: { bool: { filter: unknown[] } } }).query.bool.filter).toEqual([
      { wildcard: { 'product.keyword': { value: 'mode', case_insensitive: true } } },
    ]);
  });

  it("reads feature documents Amundsen's databuilder wrote (null usage, one availability, entity as a list)", async () => {
    mock.add({ method: 'POST', path: '/_msearch' }, () => ({
      responses: [
        {
          hits: {
            total: { value: 1 },
            hits: [
              {
                _score: 3,
                _source: {
                  feature_group: 'rider_metrics',
                  name: 'trip_duration_avg',
                  version: '1.0',
                  key: 'rider_metrics/trip_duration_avg/1.0',
                  usage: { total_usage: null },
                  status: 'active',
                  entity: ['rider'],
                  description: 'Average trip duration.',
                  availability: 'hive',
                  badges: [],
                  tags: ['ml'],
                  last_updated_timestamp: 1700000000,
                  resource_type: 'feature',
                },
                highlight: { name: ['<em>trip</em>_duration_avg'] },
              },
            ],
          },
        },
      ],
    }));
    const response = await index.search(request({ query_term: 'trip', resource_types: ['feature'], filters: [] }));
    expect(response.results.feature).toEqual({
      total_results: 1,
      results: [
        {
          key: 'rider_metrics/trip_duration_avg/1.0',
          resource_type: 'feature',
          feature_name: 'trip_duration_avg',
          name: 'trip_duration_avg',
          feature_group: 'rider_metrics',
          version: '1.0',
          status: 'active',
          entity: 'rider',
          description: 'Average trip duration.',
          availability: ['hive'],
          tags: ['ml'],
          badges: [],
          last_updated_timestamp: 1700000000,
          total_usage: 0,
          search_score: 3,
          highlight: { name: ['<em>trip</em>_duration_avg'] },
        },
      ],
    });
  });

  it("writes feature documents in databuilder's shape, to the feature alias, with its key as id", async () => {
    let bulk: unknown[] = [];
    mock.add({ method: 'HEAD', path: '/_alias/:name' }, () => ({}));
    mock.add({ method: 'POST', path: '/_bulk' }, (params) => {
      bulk = params.body as unknown[];
      return { errors: false, items: [] };
    });
    mock.add({ method: 'POST', path: '/:index/_delete_by_query' }, () => ({ deleted: 0 }));
    const feature: FeatureDocument = {
      key: 'rider_metrics/trip_duration_avg/1.0',
      name: 'trip_duration_avg',
      feature_group: 'rider_metrics',
      version: '1.0',
      status: 'active',
      entity: 'rider',
      description: null,
      availability: ['hive'],
      tags: ['ml'],
      badges: [],
      last_updated_timestamp: 1700000000,
      total_usage: 0,
    };
    await index.upsert('feature', [feature]);
    expect(bulk).toEqual([
      { index: { _index: 'feature_search_index_v2_1', _id: 'rider_metrics/trip_duration_avg/1.0' } },
      {
        key: 'rider_metrics/trip_duration_avg/1.0',
        name: 'trip_duration_avg',
        description: null,
        badges: [],
        tags: ['ml'],
        usage: {},
        last_updated_timestamp: 1700000000,
        resource_type: 'feature',
        feature_group: 'rider_metrics',
        version: '1.0',
        status: 'active',
        entity: 'rider',
        availability: ['hive'],
      },
    ]);
  });

  it("keeps a table's schema description and a dashboard's group description both ways, as databuilder's documents carry them", () => {
    const dashboard: DashboardDocument = {
      key: 'mode_dashboard://prod.sales/weekly',
      uri: 'mode_dashboard://prod.sales/weekly',
      product: 'mode',
      cluster: 'prod',
      group_name: 'sales',
      group_url: '',
      name: 'weekly',
      url: '',
      description: null,
      group_description: 'Sales dashboards.',
      chart_names: [],
      query_names: [],
      tags: [],
      badges: [],
      last_successful_run_timestamp: null,
      total_usage: 0,
    };
    expect(toElastic.dashboard(dashboard)).toMatchObject({ group_description: 'Sales dashboards.' });
    expect(fromElastic.dashboard(toElastic.dashboard(dashboard))).toEqual(dashboard);
    // databuilder's Neo4j extractor writes '' for a group without a description.
    expect(fromElastic.dashboard({ ...toElastic.dashboard(dashboard), group_description: '' }).group_description).toBeNull();
    const table = fromElastic.table({ key: 'hive://gold.core/orders', name: 'orders', schema_description: 'Core business tables.' });
    expect(table.schema_description).toBe('Core business tables.');
    expect(toElastic.table(table)).toMatchObject({ schema_description: 'Core business tables.' });
    expect(fromElastic.table({ key: 'hive://gold.core/orders', name: 'orders' }).schema_description).toBeNull();
  });

  it('keeps whether a table is a view both ways, and leaves it out of documents that do not say', () => {
    const view = fromElastic.table({ key: 'hive://gold.core/v', name: 'v', is_view: true });
    expect(view.is_view).toBe(true);
    expect(toElastic.table(view)).toMatchObject({ is_view: true });
    expect(fromElastic.table(toElastic.table(view))).toEqual(view);
    const table = fromElastic.table({ key: 'hive://gold.core/t', name: 't' });
    expect(table).not.toHaveProperty('is_view');
    expect(toElastic.table(table)).not.toHaveProperty('is_view');
  });

  describe('sorts and facets', () => {
    const capture = (responses: unknown[]) => {
      const bodies: unknown[][] = [];
      mock.add({ method: 'POST', path: '/_msearch' }, (params) => {
        bodies.push(params.body as unknown[]);
        return { responses };
      });
      return bodies;
    };
    const empty = { hits: { total: { value: 0 }, hits: [] } };
    type Body = { query: { bool: Record<string, unknown> }; sort?: unknown; post_filter?: unknown; aggs?: Record<string, unknown> };

    it('asks as before (no sort, no aggregations, filters in the query) for a search by relevance without facets', async () => {
      const bodies = capture([empty, empty]);
      await index.search(request());
      const table = bodies[0][1] as Body;
      expect(table).not.toHaveProperty('sort');
      expect(table).not.toHaveProperty('aggs');
      expect(table).not.toHaveProperty('post_filter');
      expect(table.query.bool['filter']).toHaveLength(3);
    });

    it('sorts by name (lower-cased, then key), by last update (missing last, per type) and by usage (the score is the usage)', async () => {
      const bodies = capture([empty, empty, empty, empty]);
      await index.search(request({ sort_by: 'name', resource_types: ['table', 'user'] }));
      const byName = bodies[0][1] as Body;
      expect(byName.sort).toEqual([
        { _script: { type: 'string', order: 'asc', script: { lang: 'painless', source: expect.stringContaining("doc['name.keyword']") } } },
        { 'key.keyword': { order: 'asc' } },
      ]);
      expect((bodies[0][3] as Body).sort).toEqual(byName.sort);

      await index.search(request({ sort_by: 'last_updated', resource_types: ['table', 'dashboard', 'user'] }));
      const [table, dashboard, user] = [bodies[1][1], bodies[1][3], bodies[1][5]] as Body[];
      expect(table.sort).toEqual([
        { last_updated_timestamp: { order: 'desc', missing: '_last', unmapped_type: 'long' } },
        { _score: { order: 'desc' } },
        { 'key.keyword': { order: 'asc' } },
      ]);
      expect((dashboard.sort as object[])[0]).toEqual({
        last_successful_run_timestamp: { order: 'desc', missing: '_last', unmapped_type: 'long' },
      });
      expect(user).not.toHaveProperty('sort'); // people have no update time: by relevance

      await index.search(request({ sort_by: 'usage', resource_types: ['table', 'user'] }));
      const [used, reader] = [bodies[2][1], bodies[2][3]] as Body[];
      expect(used.sort).toEqual([{ _score: { order: 'desc' } }, { 'key.keyword': { order: 'asc' } }]);
      expect(used.query.bool['should']).toEqual([{ rank_feature: { field: 'usage.total_usage', linear: {} } }]);
      expect(used.query.bool).not.toHaveProperty('must'); // matches filter, they do not score
      expect(used.query.bool['filter']).toHaveLength(4); // the match, and the filters
      expect(reader.query.bool['should']).toEqual([{ rank_feature: { field: 'usage.total_read', linear: {} } }]);
    });

    it("counts facets with a terms aggregation under every other field's filters, and filters the hits after (post_filter)", async () => {
      const bodies = capture([
        {
          hits: { total: { value: 1 }, hits: [{ _score: 1, _source: { key: 'hive://gold.core/orders', name: 'orders', is_view: true } }] },
          aggregations: {
            database: {
              doc_count: 9,
              values: {
                buckets: [
                  { key: 'hive', doc_count: 5 },
                  { key: 'bigquery', doc_count: 4 },
                ],
              },
            },
            tag: { doc_count: 2, values: { buckets: [] } },
          },
        },
        empty,
      ]);
      const response = await index.search(request({ facets: { table: ['database', 'tag', 'schema'] } }));
      const table = bodies[0][1] as Body;
      const database = { bool: { should: expect.any(Array), minimum_should_match: 1 } };
      const tags = [
        { wildcard: { 'tags.keyword': { value: 'sales', case_insensitive: true } } },
        { wildcard: { 'tags.keyword': { value: 'core', case_insensitive: true } } },
      ];
      expect(table.query.bool['filter']).toEqual([]);
      expect(table.post_filter).toEqual({ bool: { filter: [database, ...tags] } });
      const values = (field: string) => ({
        terms: { field, size: MAX_FACET_VALUES, order: [{ _count: 'desc' }, { _key: 'asc' }], exclude: [''] },
      });
      expect(table.aggs).toEqual({
        database: { filter: { bool: { filter: tags } }, aggs: { values: values('database.keyword') } },
        tag: { filter: { bool: { filter: [database] } }, aggs: { values: values('tags.keyword') } },
        schema: { filter: { bool: { filter: [database, ...tags] } }, aggs: { values: values('schema.keyword') } },
      });
      expect(bodies[0][3]).not.toHaveProperty('aggs'); // no facets asked of people
      expect(response.results.table).toMatchObject({
        total_results: 1,
        results: [{ key: 'hive://gold.core/orders', is_view: true }],
        facets: {
          database: [
            { value: 'hive', count: 5 },
            { value: 'bigquery', count: 4 },
          ],
          tag: [],
          schema: [],
        },
      });
      expect(response.results.user).not.toHaveProperty('facets');
    });

    it("counts a feature's tag facet without its `tags` filter (Amundsen's other name of the field)", async () => {
      const bodies = capture([empty]);
      await index.search(
        request({
          resource_types: ['feature'],
          filters: [
            { name: 'tags', values: ['ml'], operation: 'OR' },
            { name: 'entity', values: ['rider'], operation: 'OR' },
          ],
          facets: { feature: ['tag', 'entity'] },
        }),
      );
      const aggs = (bodies[0][1] as Body).aggs as Record<string, { filter: { bool: { filter: object[] } } }>;
      expect(JSON.stringify(aggs['tag'].filter)).not.toContain('tags.keyword');
      expect(JSON.stringify(aggs['tag'].filter)).toContain('entity.keyword');
      expect(JSON.stringify(aggs['entity'].filter)).toContain('tags.keyword');
    });
  });

  describe('bulk items Elasticsearch refuses', () => {
    const doc = (name: string): TableDocument => ({
      key: `hive://gold.core/${name}`,
      database: 'hive',
      cluster: 'gold',
      schema: 'core',
      name,
      description: null,
      columns: [],
      column_descriptions: [],
      tags: [],
      badges: [],
      last_updated_timestamp: null,
      total_usage: 0,
      unique_usage: 0,
    });
    const item = (id: string, status: number, type?: string) => ({
      index: { _index: 'table_search_index_v2_1', _id: id, status, ...(type ? { error: { type, reason: `${type} (test double)` } } : {}) },
    });
    const answerBulk = (items: unknown[]) => {
      mock.add({ method: 'HEAD', path: '/_alias/:name' }, () => ({}));
      mock.add({ method: 'POST', path: '/_bulk' }, () => ({ errors: true, items }));
      mock.add({ method: 'POST', path: '/:index/_delete_by_query' }, () => ({ deleted: 0 }));
    };

    it('answers 422 naming each document refused for its content (index and key), as the schema check does', async () => {
      answerBulk([
        item('hive://gold.core/a', 201),
        item('hive://gold.core/b', 400, 'mapper_parsing_exception'),
        item('hive://gold.core/c', 400, 'illegal_argument_exception'),
      ]);
      const error = await index.upsert('table', [doc('a'), doc('b'), doc('c')]).catch((e: unknown) => e);
      expect(error).toMatchObject({ status: 422 });
      expect((error as Error).message).toMatch(/^documents\.1 \(hive:\/\/gold\.core\/b\): mapper_parsing_exception/);
      expect((error as Error).message).toContain('documents.2 (hive://gold.core/c): illegal_argument_exception');
      expect((error as Error).message).not.toContain('documents.0');
    });

    it("answers 503 when the items failed for the cluster's reasons (429, 5xx): nothing is wrong with the documents", async () => {
      answerBulk([
        item('hive://gold.core/a', 429, 'es_rejected_execution_exception'),
        item('hive://gold.core/b', 503, 'unavailable_shards_exception'),
      ]);
      await expect(index.upsert('table', [doc('a'), doc('b')])).rejects.toBeInstanceOf(DependencyUnavailableError);
    });
  });

  it('answers 503 (DependencyUnavailableError) when Elasticsearch cannot be reached', async () => {
    mock.add({ method: 'POST', path: '/_msearch' }, () => new errors.ConnectionError('connect ECONNREFUSED'));
    await expect(index.search(request())).rejects.toBeInstanceOf(DependencyUnavailableError);
  });

  it('reports cluster health: red fails', async () => {
    mock.add({ method: 'GET', path: '/_cluster/health' }, () => ({ status: 'red' }));
    expect(await index.health()).toEqual({ status: 'fail', cluster: 'red' });
  });
});
