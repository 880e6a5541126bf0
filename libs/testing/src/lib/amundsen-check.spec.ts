import { AMUNDSEN_DUMP, amundsenProblems, asAmundsen } from './amundsen-check';
import { AMUNDSEN_MODELS, amundsenRef, type AmundsenModel } from './amundsen-models';

const owner = {
  user_id: 'ada@example.com',
  email: 'ada@example.com',
  first_name: 'Ada',
  last_name: 'Lovelace',
  full_name: 'Ada Lovelace',
  display_name: 'Ada Lovelace',
  is_active: true,
  github_username: null,
  team_name: 'Data Platform',
  slack_id: null,
  employee_type: null,
  manager_fullname: null,
  manager_email: null,
  manager_id: null,
  role_name: null,
  profile_url: null,
  other_key_values: {},
};
/** A Feature as Amundsen's FeatureSchema dumps it: every field. */
const feature = {
  key: 'rides/trip_duration/1',
  name: 'trip_duration',
  version: '1',
  status: 'active',
  feature_group: 'rides',
  entity: 'Ride',
  data_type: 'float',
  availability: ['hive'],
  description: null,
  owners: [owner],
  badges: [{ badge_name: 'alpha', category: 'table_status' }],
  tags: [{ tag_type: 'default', tag_name: 'mobility' }],
  programmatic_descriptions: [],
  watermarks: [{ key: 'rides/trip_duration/1/high_watermark', watermark_type: 'high_watermark', time: '1700000000' }],
  last_updated_timestamp: 1_700_000_000,
  created_timestamp: null,
};
const tableHit = {
  key: 'hive://gold.core/orders',
  description: null,
  resource_type: 'table',
  badges: [],
  tag: ['sales'],
  schema: 'core',
  table: 'orders',
  column: ['id'],
  database: 'hive',
  cluster: 'gold',
  search_score: 1.5,
  highlight: { name: ['<em>orders</em>'] },
};
const searchResponse = (results: Record<string, unknown>) => ({
  msg: 'Success',
  page_index: 0,
  results_per_page: 10,
  status_code: 200,
  results,
});

describe("Amundsen's models and their checker", () => {
  it('compiles every model, for each kind of check', () => {
    for (const model of Object.keys(AMUNDSEN_MODELS) as AmundsenModel[]) {
      for (const check of [{}, { exact: true }, { complete: true }, AMUNDSEN_DUMP]) {
        expect(() => amundsenProblems(model, null, check)).not.toThrow();
      }
    }
  });

  it("takes Amundsen's shape, with keys the model does not declare unless asked to be exact", () => {
    expect(amundsenProblems('Feature', feature)).toEqual([]);
    expect(amundsenProblems('Feature', feature, AMUNDSEN_DUMP)).toEqual([]);
    expect(amundsenProblems('Badge', { badge_name: 'alpha', category: 'table_status', extra: 1 })).toEqual([]);
    expect(amundsenProblems('SearchResponse', searchResponse({ table: { results: [tableHit], total_results: 1 } }))).toEqual([]);
  });

  it('names a missing field and a field of the wrong type, with its path, however deep', () => {
    expect(amundsenProblems('Badge', { badge_name: 3 })).toEqual([
      "/ must have required property 'category'",
      '/badge_name must be string',
    ]);
    const { name: _name, ...nameless } = feature;
    expect(amundsenProblems('Feature', { ...nameless, owners: [{ ...owner, email: 7 }] })).toEqual([
      "/ must have required property 'name'",
      '/owners/0/email must be string,null',
    ]);
    // A nullable model: the problem inside it, not ajv's noise about its null branch.
    expect(amundsenProblems('Column', { name: 'c', col_type: 'int', sort_order: 0, type_metadata: { kind: 'scalar' } })).toEqual([
      "/type_metadata must have required property 'name'",
      "/type_metadata must have required property 'key'",
      "/type_metadata must have required property 'data_type'",
      "/type_metadata must have required property 'sort_order'",
    ]);
    expect(amundsenProblems('SearchTableResult', { total_results: '1', results: [] })).toEqual(['/total_results must be integer']);
  });

  it('refuses, when exact, a key the models do not declare, in the value and in what it holds', () => {
    expect(amundsenProblems('Feature', { ...feature, colour: 'blue' }, { exact: true })).toEqual([
      "/ has colour, which Amundsen's model does not",
    ]);
    expect(amundsenProblems('Feature', { ...feature, owners: [{ ...owner, nickname: 'A' }] }, AMUNDSEN_DUMP)).toEqual([
      "/owners/0 has nickname, which Amundsen's model does not",
    ]);
    expect(amundsenProblems('SearchTableResult', { total_results: 0, results: [], msg: 'x' }, AMUNDSEN_DUMP)).toEqual([
      "/ has msg, which Amundsen's model does not",
    ]);
  });

  it('is exact only in the models named, when given a list', () => {
    const exactResponse = { exact: ['SearchResponse'] } as const;
    expect(amundsenProblems('SearchResponse', { ...searchResponse({}), extra: true }, exactResponse)).toEqual([
      "/ has extra, which Amundsen's model does not",
    ]);
    // A hit is another model: its other keys are taken.
    const withMore = searchResponse({ table: { results: [{ ...tableHit, name: 'orders' }], total_results: 1 } });
    expect(amundsenProblems('SearchResponse', withMore, exactResponse)).toEqual([]);
    // Amundsen's results are by resource type, only its four.
    expect(amundsenProblems('SearchResponse', searchResponse({ column: { results: [], total_results: 0 } }))).toEqual([
      "/results has column, which Amundsen's model does not",
    ]);
    expect(
      amundsenProblems('SearchResponse', searchResponse({ table: { results: [{ ...tableHit, schema: null }], total_results: 1 } })),
    ).toEqual(['/results/table/results/0/schema must be string']);
  });

  it('asks, when complete, for every key the models declare, as marshmallow dumps them', () => {
    expect(amundsenProblems('User', { email: 'ada@example.com' })).toEqual([]);
    const { other_key_values: _other, ...partial } = owner;
    expect(amundsenProblems('User', partial, { complete: true })).toEqual(["/ must have required property 'other_key_values'"]);
    const { key: _key, ...keyless } = feature;
    expect(amundsenProblems('Feature', keyless)).toEqual([]);
    expect(amundsenProblems('Feature', keyless, AMUNDSEN_DUMP)).toEqual(["/ must have required property 'key'"]);
    // A search answer holds the resource types asked for, not all four.
    const tables = searchResponse({ table: { results: [tableHit], total_results: 1 } });
    expect(amundsenProblems('SearchResponse', tables, { complete: true })).toEqual([]);
  });

  it('checks schemas built from the models, and refuses one that names no model', () => {
    const nonEmptyBadges = { allOf: [amundsenRef('Badges'), { properties: { badges: { minItems: 1 } } }] };
    expect(amundsenProblems(nonEmptyBadges, { badges: [{ badge_name: 'a', category: 'b' }] })).toEqual([]);
    expect(amundsenProblems(nonEmptyBadges, { badges: [] })).toEqual(['/badges must NOT have fewer than 1 items']);
    expect(() => amundsenProblems({ $ref: 'amundsen#/definitions/Nothing' }, {})).toThrow();
    expect(() => amundsenProblems(nonEmptyBadges, {}, { exact: true })).toThrow(/allOf/);
  });

  it('gives the value back typed, or throws naming every problem', () => {
    expect(asAmundsen<{ owners: { email: string }[] }>('Feature', feature).owners[0].email).toBe('ada@example.com');
    expect(() => asAmundsen('Badge', { badge_name: 'alpha' })).toThrow("Not Amundsen's Badge:\n  / must have required property 'category'");
  });
});
