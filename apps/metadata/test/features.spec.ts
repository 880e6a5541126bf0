import { AMUNDSEN_DUMP, asAmundsen, call } from '@fram/testing';
import { startMetadataStack, type MetadataStack } from './metadata-app';

/** What the tests read of Amundsen's Feature and Lineage (checked whole against Amundsen's models by asAmundsen). */
interface Feature {
  description: string | null;
  owners: { email: string | null }[];
  tags: unknown[];
  badges: unknown[];
}
interface Lineage {
  upstream_entities: LineageItem[];
  downstream_entities: LineageItem[];
}
interface LineageItem {
  key: string;
  level: number;
  parent?: string | null;
}

const DURATION = 'rides/trip_duration/1.2.0';
const ETA = 'eta/predicted_eta/3';
/** A group and a name with spaces, as databuilder makes them. */
const ACCEPTANCE = 'driver stats/acceptance rate/1';

/**
 * Amundsen's /feature/... operations over HTTP, with tokens from dev-idp and people found through its Users API.
 * Features and generation code are held to Amundsen's models as marshmallow dumps them (every field, no other);
 * lineage to exactly the fields of Amundsen's Lineage.
 */
describe('metadata API: ML features', () => {
  let stack: MetadataStack;

  const as = (who: string, path: string, init?: RequestInit) => stack.as(who, path, init);
  const put = (who: string, path: string, body?: unknown) =>
    as(who, path, { method: 'PUT', body: body === undefined ? undefined : JSON.stringify(body) });
  const del = (who: string, path: string) => as(who, path, { method: 'DELETE' });
  const feature = async (key: string) => asAmundsen<Feature>('Feature', (await as('frances', `/feature/${key}`)).json(), AMUNDSEN_DUMP);

  beforeAll(async () => {
    stack = await startMetadataStack('features', { people: ['ada', 'edsger', 'frances'] });
    const ingest = await as('admin', '/ingest/features', {
      method: 'POST',
      body: JSON.stringify({
        features: [
          {
            feature_group: 'rides',
            name: 'trip_duration',
            version: '1.2.0',
            status: 'active',
            entity: 'Ride',
            data_type: 'float',
            availability: ['hive', 'redis'],
            description: 'Minutes from pick-up to drop-off.',
            programmatic_descriptions: [{ source: 'quality', text: 'Null for cancelled rides.' }],
            tags: ['mobility'],
            owners: ['ada@example.com'],
            watermarks: [{ watermark_type: 'high_watermark', time: 1_700_000_000 }],
            generation_code: { text: 'SELECT ride_id, dropoff - pickup FROM rides', source: 'github' },
            created_timestamp: 1_600_000_000,
            last_updated_timestamp: 1_700_000_000,
          },
          { feature_group: 'eta', name: 'predicted_eta', version: '3' },
          { feature_group: 'driver stats', name: 'acceptance rate', version: '1' },
        ],
      }),
    });
    expect({ status: ingest.status, body: ingest.json() }).toEqual({ status: 200, body: { upserted: 3 } });
  });
  afterAll(() => stack?.close());

  it("serves a feature by its unencoded key as Amundsen's Feature, owners resolved through the user directory", async () => {
    const response = await as('frances', `/feature/${DURATION}`);
    expect(response.status).toBe(200);
    expect(asAmundsen('Feature', response.json(), AMUNDSEN_DUMP)).toMatchObject({
      key: DURATION,
      name: 'trip_duration',
      version: '1.2.0',
      status: 'active',
      feature_group: 'rides',
      entity: 'Ride',
      data_type: 'float',
      availability: ['hive', 'redis'],
      description: 'Minutes from pick-up to drop-off.',
      programmatic_descriptions: [{ source: 'quality', text: 'Null for cancelled rides.' }],
      tags: [{ tag_name: 'mobility', tag_type: 'default' }],
      badges: [],
      watermarks: [{ key: `${DURATION}/high_watermark`, watermark_type: 'high_watermark', time: '1700000000' }],
      created_timestamp: 1_600_000_000,
      last_updated_timestamp: 1_700_000_000,
      owners: [expect.objectContaining({ email: 'ada@example.com', full_name: 'Ada Lovelace', team_name: 'Data Platform' })],
    });
    expect(await feature(ACCEPTANCE.replaceAll(' ', '%20'))).toMatchObject({
      key: ACCEPTANCE,
      feature_group: 'driver stats',
      name: 'acceptance rate',
      status: null,
      availability: [],
      owners: [],
      watermarks: [],
    });
    const missing = await as('frances', '/feature/rides/trip_duration/9.9.9');
    expect({ status: missing.status, message: missing.json<{ message: string }>().message }).toEqual({
      status: 404,
      message: 'Feature rides/trip_duration/9.9.9 not found',
    });
    expect((await as('frances', '/feature/rides/trip_duration')).status).toBe(400);
    expect((await as('frances', `/feature/${DURATION}/columns`)).status).toBe(404);
    expect((await call(`${stack.url}/feature/${DURATION}`)).status).toBe(401);
  });

  it('serves and edits descriptions: writers, not readers, each edit in the audit', async () => {
    expect((await as('frances', `/feature/${ETA}/description`)).json()).toEqual({ description: null });
    const edited = await put('edsger', `/feature/${ETA}/description`, { description: 'Predicted minutes to arrival.' });
    expect({ status: edited.status, body: edited.json() }).toEqual({
      status: 200,
      body: { message: `Description of feature ${ETA} updated` },
    });
    expect((await as('frances', `/feature/${ETA}/description`)).json()).toEqual({ description: 'Predicted minutes to arrival.' });
    expect((await feature(ETA)).description).toBe('Predicted minutes to arrival.');
    const refused = await put('frances', `/feature/${ETA}/description`, { description: 'mine now' });
    expect(refused.status).toBe(403);
    expect(refused.headers.get('www-authenticate')).toContain('insufficient_scope');
    expect((await put('edsger', `/feature/${ETA}/description`, { description: 42 })).status).toBe(400);
    expect((await put('edsger', '/feature/eta/nope/1/description', { description: 'x' })).status).toBe(404);
    expect((await as('frances', '/feature/eta/nope/1/description')).status).toBe(404);

    const audit = (await as('admin', '/audit?limit=10')).json<{ entries: Record<string, unknown>[] }>().entries;
    expect(audit.find((e) => e['action'] === 'set_description')).toMatchObject({
      actor: 'edsger@example.com',
      resource_type: 'feature',
      resource_key: ETA,
      detail: { description: 'Predicted minutes to arrival.' },
    });
  });

  it("adds and removes tags, refusing Amundsen's owner tags (409) and badges as tags", async () => {
    expect((await put('edsger', `/feature/${ETA}/tag/eta`)).status).toBe(200);
    expect((await put('edsger', `/feature/${ETA}/tag/realtime?tag_type=default`)).status).toBe(200);
    expect((await del('edsger', `/feature/${ETA}/tag/realtime`)).status).toBe(200);
    expect((await feature(ETA)).tags).toEqual([{ tag_name: 'eta', tag_type: 'default' }]);
    const owner = await put('edsger', `/feature/${ETA}/tag/ada?tag_type=owner`);
    expect({ status: owner.status, message: owner.json<{ message: string }>().message }).toEqual({
      status: 409,
      message: `The tag ada of feature ${ETA} is an owner tag, which is not editable; owners are set with /feature/{key}/owner/{owner}`,
    });
    expect((await del('edsger', `/feature/${ETA}/tag/eta?tag_type=owner`)).status).toBe(409);
    expect((await put('edsger', `/feature/${ETA}/tag/x?tag_type=badge`)).status).toBe(406); // Amundsen's status
    expect((await put('edsger', `/feature/${ETA}/tag/certified`)).status).toBe(409);
    expect((await put('frances', `/feature/${ETA}/tag/mine`)).status).toBe(403);
    expect((await put('edsger', '/feature/eta/nope/1/tag/eta')).status).toBe(404);
    expect((await as('frances', '/tags/')).json<{ tag_usages: { tag_name: string }[] }>().tag_usages.map((t) => t.tag_name)).toEqual(
      expect.arrayContaining(['eta', 'mobility']),
    );
  });

  it('adds and removes the allowed badges, which need their category', async () => {
    expect((await put('edsger', `/feature/${ETA}/badge/alpha?category=table_status`)).status).toBe(200);
    expect((await put('edsger', `/feature/${ETA}/badge/pii?category=data_sensitivity`)).status).toBe(200);
    expect((await del('edsger', `/feature/${ETA}/badge/pii?category=data_sensitivity`)).status).toBe(200);
    expect((await feature(ETA)).badges).toEqual([{ badge_name: 'alpha', category: 'table_status' }]);
    expect((await put('edsger', `/feature/${ETA}/badge/golden?category=table_status`)).status).toBe(404);
    expect((await put('edsger', `/feature/${ETA}/badge/alpha`)).status).toBe(400);
    expect((await put('edsger', '/feature/eta/nope/1/badge/alpha?category=table_status')).status).toBe(404);
  });

  it('adds and removes owners, who may then edit the feature; owners must be people Fram can find', async () => {
    const added = await put('edsger', `/feature/${ACCEPTANCE}/owner/frances@example.com`);
    expect({ status: added.status, body: added.json() }).toEqual({
      status: 200,
      body: { message: `Added owner frances@example.com to feature ${ACCEPTANCE}` },
    });
    expect((await feature(ACCEPTANCE)).owners.map((o) => o.email)).toEqual(['frances@example.com']);
    expect((await put('frances', `/feature/${ACCEPTANCE}/description`, { description: 'Share of offers accepted.' })).status).toBe(200);
    expect((await put('edsger', `/feature/${ACCEPTANCE}/owner/nobody@example.com`)).status).toBe(404);
    expect((await del('frances', `/feature/${ACCEPTANCE}/owner/frances@example.com`)).status).toBe(200);
    expect((await feature(ACCEPTANCE)).owners).toEqual([]);
    expect((await put('frances', `/feature/${ACCEPTANCE}/description`, { description: 'x' })).status).toBe(403);
  });

  it("walks feature lineage as Amundsen's Lineage, both ways and one level unless asked", async () => {
    const ingest = await as('admin', '/ingest/feature_lineage', {
      method: 'POST',
      body: JSON.stringify({
        feature_lineage: [
          { upstream: 'rides/pickup_time/1', downstream: DURATION },
          { upstream: DURATION, downstream: ETA },
          { upstream: ETA, downstream: 'eta/eta_error/1' },
        ],
      }),
    });
    expect({ status: ingest.status, body: ingest.json() }).toEqual({ status: 200, body: { upserted: 3 } });
    const both = asAmundsen('Lineage', (await as('frances', `/feature/${DURATION}/lineage`)).json(), { exact: true });
    expect(both).toEqual({
      key: DURATION,
      direction: 'both',
      depth: 1,
      upstream_entities: [
        {
          key: 'rides/pickup_time/1',
          level: 1,
          source: 'rides/pickup_time/1',
          badges: [],
          usage: 0,
          parent: DURATION,
          link: null,
          in_amundsen: false,
        },
      ],
      downstream_entities: [
        {
          key: ETA,
          level: 1,
          source: ETA,
          badges: [{ badge_name: 'alpha', category: 'table_status' }],
          usage: 0,
          parent: DURATION,
          link: null,
          in_amundsen: true,
        },
      ],
    });
    const down = asAmundsen<Lineage>('Lineage', (await as('frances', `/feature/${DURATION}/lineage?direction=downstream&depth=2`)).json(), {
      exact: true,
    });
    expect(down.upstream_entities).toEqual([]);
    expect(down.downstream_entities.map((e) => [e.key, e.level, e.parent])).toEqual([
      [ETA, 1, DURATION],
      ['eta/eta_error/1', 2, ETA],
    ]);
    expect((await as('frances', `/feature/${DURATION}/lineage?depth=11`)).status).toBe(400);
    expect((await as('frances', '/feature/eta/nope/1/lineage')).status).toBe(404);
  });

  it("serves a feature's generation code as Amundsen's GenerationCode; 404 when it has none", async () => {
    const code = await as('frances', `/feature/${DURATION}/generation_code`);
    expect(code.status).toBe(200);
    expect(asAmundsen('GenerationCode', code.json(), AMUNDSEN_DUMP)).toEqual({
      key: `${DURATION}/_generation_code`,
      text: 'SELECT ride_id, dropoff - pickup FROM rides',
      source: 'github',
    });
    const none = await as('frances', `/feature/${ETA}/generation_code`);
    expect({ status: none.status, message: none.json<{ message: string }>().message }).toEqual({
      status: 404,
      message: `Feature ${ETA} has no generation code`,
    });
    expect((await as('frances', '/feature/eta/nope/1/generation_code')).status).toBe(404);
  });

  it("answers stats and sample data as not implemented (501): Amundsen's are stubs that never answer (500)", async () => {
    for (const path of [`/feature/${DURATION}/stats`, `/feature/${DURATION}/sample_data`]) {
      const response = await as('frances', path);
      expect({ path, status: response.status, code: response.json<{ code: string }>().code }).toEqual({
        path,
        status: 501,
        code: 'not_implemented',
      });
    }
    expect((await call(`${stack.url}/feature/${DURATION}/stats`)).status).toBe(401);
  });

  it("keeps bookmarks of features (Amundsen's PUT /user/{id}/follow/feature/{key}), for oneself only", async () => {
    expect((await put('frances', `/user/frances@example.com/follow/feature/${DURATION}`)).status).toBe(200);
    expect((await put('frances', `/user/ada@example.com/follow/feature/${DURATION}`)).status).toBe(403);
    expect((await put('frances', '/user/frances@example.com/follow/feature/eta/nope/1')).status).toBe(404);
    const bookmark = (await as('admin', '/audit?limit=1')).json<{ entries: Record<string, unknown>[] }>().entries[0];
    expect(bookmark).toMatchObject({ actor: 'frances@example.com', action: 'follow', resource_type: 'feature', resource_key: DURATION });
    expect((await del('frances', `/user/frances@example.com/follow/feature/${DURATION}`)).status).toBe(200);
  });

  it('ingests features for admins only; a bad batch is refused whole, naming the record, and changes nothing', async () => {
    const post = (who: string, features: unknown) => as(who, '/ingest/features', { method: 'POST', body: JSON.stringify({ features }) });
    expect((await post('edsger', [{ feature_group: 'g', name: 'n', version: '1' }])).status).toBe(403);
    const bad = await post('admin', [
      { feature_group: 'g', name: 'fine', version: '1' },
      { feature_group: 'g', name: 'bad/name', version: '1' },
    ]);
    expect({ status: bad.status, message: bad.json<{ message: string }>().message }).toEqual({
      status: 400,
      message: 'Invalid ingestion body: features.1.name: must not contain "/"',
    });
    expect((await as('frances', '/feature/g/fine/1')).status).toBe(404);
    const lineage = await as('admin', '/ingest/feature_lineage', {
      method: 'POST',
      body: JSON.stringify({ feature_lineage: [{ upstream: DURATION, downstream: 'trip_duration' }] }),
    });
    expect({ status: lineage.status, message: lineage.json<{ message: string }>().message }).toEqual({
      status: 400,
      message:
        'Invalid ingestion body: feature_lineage.0.downstream: trip_duration is not a feature key; they look like {feature_group}/{name}/{version}',
    });
  });
});
