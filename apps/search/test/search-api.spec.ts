import { amundsenProblems, call } from '@fram/testing';
import { SEARCH_LIMITS } from '@fram/models';
import { relevanceCatalog } from '../src/index/relevance.fixture';
import { startSearchStack, V2_ANSWER, type SearchStack } from './search-stack';

/** The search API over HTTP, with tokens from dev-idp. */
describe('search API', () => {
  let stack: SearchStack;

  beforeAll(async () => {
    stack = await startSearchStack('search-api');
  }, 60_000);
  afterAll(() => stack?.close());

  const as = (who: string, path: string, init?: RequestInit) => stack.as(who, path, init);
  const search = (who: string, body: unknown) => as(who, '/v2/search', { method: 'POST', body: JSON.stringify(body) });

  it("searches every resource type by default, with typos, answering Amundsen's SearchResponse", async () => {
    const response = await search('frances', { query_term: 'ordrs' });
    expect(response.status).toBe(200);
    const body = response.json<{ results: Record<string, { results: { key: string }[]; total_results: number }> }>();
    expect(amundsenProblems('SearchResponse', body, V2_ANSWER)).toEqual([]);
    expect(Object.keys(body.results).sort()).toEqual(['dashboard', 'feature', 'table', 'user']);
    expect(body.results['table'].results[0].key).toBe('hive://gold.core/orders');
    const everything = (await search('frances', { query_term: 'rate', resource_types: [] })).json<typeof body>();
    expect(amundsenProblems('SearchResponse', everything, V2_ANSWER)).toEqual([]);
    expect(everything.results['feature'].results.map((r) => r.key)).toContain('driver_metrics/acceptance_rate/1.0');
  });

  it("searches ML features: Amundsen v2.1's hit (feature_name, group, version, ...), its filters, highlights", async () => {
    const response = await search('frances', {
      query_term: 'trip duration',
      resource_types: ['feature'],
      filters: [{ name: 'entity', values: ['rider'], operation: 'OR' }],
      highlight_options: { feature: { enable_highlight: true } },
    });
    expect(response.status).toBe(200);
    const body = response.json<{ results: { feature: { results: Record<string, unknown>[]; total_results: number } } }>();
    expect(amundsenProblems('SearchResponse', body, V2_ANSWER)).toEqual([]);
    expect(body.results.feature.total_results).toBe(3);
    expect(body.results.feature.results[0]).toMatchObject({
      key: 'rider_metrics/trip_duration_avg/1.0',
      resource_type: 'feature',
      feature_name: 'trip_duration_avg',
      feature_group: 'rider_metrics',
      version: '1.0',
      status: 'active',
      entity: 'rider',
      availability: ['hive', 'dynamo'],
      tags: ['core', 'ml'],
      badges: [],
      highlight: { name: ['<em>trip</em>_<em>duration</em>_avg'] },
    });
  });

  it("takes Amundsen's request: resource types, paging, filters and highlights", async () => {
    const response = await search('frances', {
      query_term: 'orders',
      resource_types: ['table'],
      page_index: 0,
      results_per_page: 2,
      filters: [{ name: 'database', values: ['big*'], operation: 'OR' }],
      highlight_options: { table: { enable_highlight: true } },
    });
    const body = response.json<{
      page_index: number;
      results_per_page: number;
      results: { table: { results: { key: string; highlight: Record<string, string[]> }[]; total_results: number } };
    }>();
    expect(body).toMatchObject({ page_index: 0, results_per_page: 2 });
    expect(body.results.table.results[0].key).toBe('bigquery://prod.analytics/orders_enriched');
    expect(body.results.table.results[0].highlight['name']).toEqual(['<em>orders</em>_enriched']);
    expect(body.results.table.results).toHaveLength(2);
  });

  it('sorts and counts facets when asked (Fram), and answers as Amundsen does when not: no facets key', async () => {
    const plain = (await search('frances', { query_term: '', resource_types: ['table'] })).json<{
      results: { table: Record<string, unknown> };
    }>();
    expect(Object.keys(plain.results.table).sort()).toEqual(['results', 'total_results']);
    const response = await search('frances', {
      query_term: '',
      resource_types: ['table', 'user'],
      sort_by: 'name',
      results_per_page: 100,
      filters: [{ name: 'database', values: ['hive'], operation: 'OR' }],
      facets: { table: ['database', 'tag'] },
    });
    expect(response.status).toBe(200);
    const body = response.json<{
      results: {
        table: { results: { name: string; is_view: boolean }[]; facets: Record<string, { value: string; count: number }[]> };
        user: Record<string, unknown>;
      };
    }>();
    const names = body.results.table.results.map((r) => r.name);
    expect(names).toEqual([...names].sort((a, b) => (a.toLowerCase() < b.toLowerCase() ? -1 : a.toLowerCase() > b.toLowerCase() ? 1 : 0)));
    expect(body.results.table.results.every((r) => typeof r.is_view === 'boolean')).toBe(true);
    expect(body.results.table.facets['database'].map((v) => v.value).sort()).toEqual([
      'bigquery',
      'hive',
      'kafka',
      'postgres',
      'snowflake',
    ]);
    expect(body.results.table.facets['tag'].length).toBeGreaterThan(0);
    expect(body.results.user).not.toHaveProperty('facets');
  });

  it('answers bad requests with a clear 400', async () => {
    for (const [body, message] of [
      [{}, 'query_term: query_term is required'],
      [{ query_term: 'x', resource_types: ['chart'] }, 'resource_types.0: resource_types may only hold table, dashboard, user, feature'],
      [{ query_term: 'x', results_per_page: 1000 }, 'results_per_page'],
      [{ query_term: 'x', page_index: -1 }, 'page_index'],
      [{ query_term: 'x', sort_by: 'random' }, 'sort_by: sort_by must be one of relevance, name, last_updated, usage'],
      [{ query_term: 'x', facets: { user: ['tag'] } }, 'facets.user.0: facets.user may only hold team_name'],
      [{ query_term: 'x', facets: { chart: ['tag'] } }, 'facets'],
    ] as const) {
      const response = await search('frances', body);
      expect(response.status).toBe(400);
      expect(response.json<{ message: string }>().message).toContain(message);
    }
  });

  it('needs a token with read access', async () => {
    expect(
      (
        await call(`${stack.url}/v2/search`, {
          method: 'POST',
          body: '{"query_term":"x"}',
          headers: { 'content-type': 'application/json' },
        })
      ).status,
    ).toBe(401);
  });

  it('lets only services with write:data and admins index', async () => {
    const doc = { ...relevanceCatalog().tables[0], key: 'hive://gold.core/brand_new', name: 'brand_new' };
    const put = (who: string) => as(who, '/v2/documents/table', { method: 'PUT', body: JSON.stringify({ documents: [doc] }) });
    expect((await put('reader')).status).toBe(403);
    expect((await put('engineer')).status).toBe(403); // a person, even a writer, does not index
    expect((await put('metadata')).status).toBe(200);
    const found = await search('frances', { query_term: 'brand new', resource_types: ['table'] });
    expect(found.json<{ results: { table: { results: { key: string }[] } } }>().results.table.results[0].key).toBe(
      'hive://gold.core/brand_new',
    );
    const removed = await as('metadata', '/v2/documents/table', {
      method: 'DELETE',
      body: JSON.stringify({ keys: ['hive://gold.core/brand_new'] }),
    });
    expect(removed.json()).toEqual({ removed: 1 });
  });

  it('refuses a malformed document and changes nothing', async () => {
    const bad = await as('metadata', '/v2/documents/table', {
      method: 'PUT',
      body: JSON.stringify({ documents: [{ key: 'x', name: 'x' }] }),
    });
    expect(bad.status).toBe(400);
    expect((await as('metadata', '/v2/documents/chart', { method: 'PUT', body: '{"documents":[]}' })).status).toBe(400);
  });

  it('holds documents to the limits metadata trims them to (SEARCH_LIMITS), and names the refused document', async () => {
    const base = { ...relevanceCatalog().tables[0], key: 'hive://gold.core/limits', name: 'limits' };
    const put = (documents: unknown[]) => as('metadata', '/v2/documents/table', { method: 'PUT', body: JSON.stringify({ documents }) });
    const atLimits = {
      ...base,
      description: 'd'.repeat(SEARCH_LIMITS.description),
      column_descriptions: ['c'.repeat(SEARCH_LIMITS.listItem)],
    };
    expect((await put([atLimits])).status).toBe(200);

    const longColumn = { ...base, key: 'hive://gold.core/limits_column', column_descriptions: ['c'.repeat(SEARCH_LIMITS.listItem + 1)] };
    const refused = await put([atLimits, longColumn]);
    expect(refused.status).toBe(400);
    expect(refused.json<{ message: string }>().message).toBe(
      `documents.1 (hive://gold.core/limits_column).column_descriptions.0: Too big: expected string to have <=${SEARCH_LIMITS.listItem} characters`,
    );
    expect((await put([{ ...base, description: 'd'.repeat(SEARCH_LIMITS.description + 1) }])).status).toBe(400);

    // Keys are document ids in Elasticsearch, which takes at most 512 bytes: counted in UTF-8, named.
    const longKey = `hive://gold.core/${'é'.repeat(250)}`;
    const keyRefused = await put([atLimits, { ...base, key: longKey }]);
    expect(keyRefused.status).toBe(400);
    expect(keyRefused.json<{ message: string }>().message).toBe(
      `documents.1 (${longKey.slice(0, 200)}).key: is longer than ${SEARCH_LIMITS.keyBytes} bytes (UTF-8)`,
    );

    // One field changed through /v2/document is held to the same limits.
    const change = {
      resource_key: 'hive://gold.core/limits',
      resource_type: 'table',
      field: 'tags',
      value: 't'.repeat(SEARCH_LIMITS.listItem + 1),
      operation: 'add',
    };
    expect((await as('metadata', '/v2/document', { method: 'POST', body: JSON.stringify(change) })).status).toBe(400);
    expect(
      (
        await as('metadata', '/v2/documents/table', { method: 'DELETE', body: JSON.stringify({ keys: ['hive://gold.core/limits'] }) })
      ).json(),
    ).toEqual({ removed: 1 });
  });

  it("changes one field with Amundsen's /v2/document (tags), searchable at once", async () => {
    const change = (method: string, body: unknown) => as('metadata', '/v2/document', { method, body: JSON.stringify(body) });
    const tag = { resource_key: 'hive://gold.core/orders', resource_type: 'table', field: 'tags', value: 'zanzibar', operation: 'add' };
    expect((await change('POST', tag)).json()).toEqual({ msg: 'Updated tags of table hive://gold.core/orders' });
    const tagged = await search('frances', {
      query_term: '',
      resource_types: ['table'],
      filters: [{ name: 'tag', values: ['zanzibar'], operation: 'OR' }],
    });
    expect(
      tagged.json<{ results: { table: { results: { key: string; tag: string[] }[] } } }>().results.table.results.map((r) => r.key),
    ).toEqual(['hive://gold.core/orders']);
    expect((await change('DELETE', tag)).status).toBe(200);
    const untagged = await search('frances', { query_term: 'zanzibar', resource_types: ['table'] });
    expect(untagged.json<{ results: { table: { total_results: number } } }>().results.table.total_results).toBe(0);
    expect((await change('POST', { ...tag, field: 'key' })).status).toBe(400);
    expect((await change('POST', { ...tag, resource_key: 'hive://gold.core/nope' })).status).toBe(404);
    expect((await as('frances', '/v2/document', { method: 'POST', body: JSON.stringify(tag) })).status).toBe(403);
  });

  it("changes fields named as Amundsen names them (its frontend's `tag` for table tags), and takes its null values", async () => {
    const change = (method: string, body: unknown) => as('metadata', '/v2/document', { method, body: JSON.stringify(body) });
    const tagged = (value: string) =>
      search('frances', { query_term: '', resource_types: ['table'], filters: [{ name: 'tag', values: [value], operation: 'OR' }] });
    // Exactly what Amundsen's frontend sends to search when a table tag is added (POST) and removed (DELETE).
    const amundsenTag = {
      resource_key: 'hive://gold.core/payments',
      resource_type: 'table',
      field: 'tag',
      value: 'quokka',
      operation: 'add',
    };
    expect((await change('POST', amundsenTag)).json()).toEqual({ msg: 'Updated tags of table hive://gold.core/payments' });
    const found = (await tagged('quokka')).json<{ results: { table: { results: { key: string }[] } } }>();
    expect(found.results.table.results.map((r) => r.key)).toEqual(['hive://gold.core/payments']);
    expect((await change('DELETE', amundsenTag)).status).toBe(200);
    expect((await tagged('quokka')).json<{ results: { table: { total_results: number } } }>().results.table.total_results).toBe(0);

    // Features: Amundsen's frontend names the field `tags`; a DELETE with a null value empties the list.
    const feature = { resource_key: 'fraud_signals/chargeback_count/3.1', resource_type: 'feature', field: 'tags', operation: 'add' };
    expect((await change('POST', { ...feature, value: 'risk' })).status).toBe(200);
    const featureTags = async () =>
      (await search('frances', { query_term: 'chargeback', resource_types: ['feature'] })).json<{
        results: { feature: { results: { tags: string[] }[] } };
      }>().results.feature.results[0].tags;
    expect(await featureTags()).toEqual(['fraud', 'risk']);
    expect((await change('DELETE', { ...feature, value: null })).status).toBe(200);
    expect(await featureTags()).toEqual([]);
    expect((await change('POST', { ...feature, field: 'description', value: 'Chargebacks, counted.' })).status).toBe(200);

    // A person's `name` (Amundsen's index field for the full name) is the full name.
    const renamed = { resource_key: 'ada@example.com', resource_type: 'user', field: 'name', value: 'Ada King', operation: 'overwrite' };
    expect((await change('POST', renamed)).json()).toEqual({ msg: 'Updated full_name of user ada@example.com' });
    // Names that are not fields stay refused, by the name asked for.
    const refused = await change('POST', { ...amundsenTag, field: 'constructor' });
    expect(refused.status).toBe(400);
    expect(refused.json<{ message: string }>().message).toContain('constructor cannot be changed on a table document');
  });

  it('reports its index in /healthcheck', async () => {
    const health = await call(`${stack.url}/healthcheck`);
    expect(health.json()).toMatchObject({
      status: 'ok',
      checks: {
        'EmbeddedSearchIndex:connection': { status: 'ok', documents: { table: 61, user: 15, dashboard: 8, feature: 6 } },
        'KeyStore:key_sets': { status: 'ok' },
      },
    });
  });
});
