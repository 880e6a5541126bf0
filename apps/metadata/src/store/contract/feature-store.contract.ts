import { normalizeUser, type FeatureRecord } from '@fram/models';
import type { MetadataStoreAdapter } from '../metadata-store-adapter';
import { describeWithStore, edit, type OpenStore } from './fixtures.contract';

export const DURATION: FeatureRecord = {
  feature_group: 'rides',
  name: 'trip_duration',
  version: '1.2.0',
  status: 'active',
  entity: 'Ride',
  data_type: 'float',
  availability: ['redis', 'hive'],
  description: 'Minutes from pick-up to drop-off.',
  programmatic_descriptions: [
    { source: 'quality', text: 'Null for cancelled rides.' },
    { source: 'dbt', text: 'Built by rides_features.' },
  ],
  tags: ['mobility', 'core'],
  badges: [{ badge_name: 'certified', category: 'table_status' }],
  owners: ['ada@example.com'],
  watermarks: [
    { watermark_type: 'low_watermark', time: 1_690_000_000 },
    { watermark_type: 'high_watermark', time: '2024-01-31' },
  ],
  generation_code: { text: 'SELECT ride_id, dropoff - pickup FROM rides', source: 'github', last_executed_timestamp: 1_700_000_100 },
  created_timestamp: 1_600_000_000,
  last_updated_timestamp: 1_700_000_000,
};
export const DURATION_KEY = 'rides/trip_duration/1.2.0';
/** A group and a name with spaces, as databuilder lets them be. */
export const ACCEPTANCE: FeatureRecord = { feature_group: 'driver stats', name: 'acceptance rate', version: '1' };
export const ACCEPTANCE_KEY = 'driver stats/acceptance rate/1';

/** What every FeatureStore adapter must do: ML features, their groups, edits and lineage. */
export function describeFeatureStoreContract(name: string, open: OpenStore): void {
  describeWithStore(`FeatureStore contract: ${name}`, open, (current) => {
    let store: MetadataStoreAdapter;
    beforeEach(async () => {
      store = current();
      await store.upsertFeatures([DURATION, ACCEPTANCE], edit('fram-scripts'));
    });

    it('keeps a feature with its group, databases, descriptions, watermarks, generation code, tags, badges and owners', async () => {
      expect(await store.getFeature(DURATION_KEY)).toEqual({
        key: DURATION_KEY,
        feature_group: 'rides',
        name: 'trip_duration',
        version: '1.2.0',
        status: 'active',
        entity: 'Ride',
        data_type: 'float',
        availability: ['hive', 'redis'],
        description: 'Minutes from pick-up to drop-off.',
        programmatic_descriptions: [
          { source: 'dbt', text: 'Built by rides_features.' },
          { source: 'quality', text: 'Null for cancelled rides.' },
        ],
        watermarks: [
          { key: `${DURATION_KEY}/high_watermark`, watermark_type: 'high_watermark', time: '2024-01-31' },
          { key: `${DURATION_KEY}/low_watermark`, watermark_type: 'low_watermark', time: '1690000000' },
        ],
        generation_code: {
          key: `${DURATION_KEY}/_generation_code`,
          text: 'SELECT ride_id, dropoff - pickup FROM rides',
          source: 'github',
          last_executed_timestamp: 1_700_000_100,
        },
        created_timestamp: 1_600_000_000,
        last_updated_timestamp: 1_700_000_000,
        tags: [
          { tag_name: 'core', tag_type: 'default' },
          { tag_name: 'mobility', tag_type: 'default' },
        ],
        badges: [{ badge_name: 'certified', category: 'table_status' }],
        owners: ['ada@example.com'],
        usage: 0,
      });
      expect(await store.getFeature(ACCEPTANCE_KEY)).toEqual({
        key: ACCEPTANCE_KEY,
        feature_group: 'driver stats',
        name: 'acceptance rate',
        version: '1',
        status: null,
        entity: null,
        data_type: null,
        availability: [],
        description: null,
        programmatic_descriptions: [],
        watermarks: [],
        generation_code: null,
        created_timestamp: null,
        last_updated_timestamp: null,
        tags: [],
        badges: [],
        owners: [],
        usage: 0,
      });
      expect(await store.getFeature('rides/trip_duration/9.9.9')).toBeUndefined();
    });

    it('replaces the scalars of a feature ingested again, and its lists and generation code only when given', async () => {
      await store.upsertFeatures([{ feature_group: 'rides', name: 'trip_duration', version: '1.2.0', status: 'deprecated' }], edit());
      expect(await store.getFeature(DURATION_KEY)).toMatchObject({
        status: 'deprecated',
        entity: null,
        description: null,
        availability: ['hive', 'redis'],
        programmatic_descriptions: [{ source: 'dbt' }, { source: 'quality' }],
        watermarks: [{ watermark_type: 'high_watermark' }, { watermark_type: 'low_watermark' }],
        generation_code: { source: 'github' },
        tags: [{ tag_name: 'core' }, { tag_name: 'mobility' }],
        owners: ['ada@example.com'],
      });
      await store.upsertFeatures(
        [
          {
            feature_group: 'rides',
            name: 'trip_duration',
            version: '1.2.0',
            description: 'Minutes.',
            availability: ['bigquery'],
            programmatic_descriptions: [],
            watermarks: [{ watermark_type: 'high_watermark', time: 1_710_000_000 }],
            generation_code: null,
            tags: ['eta'],
            badges: [],
            owners: ['grace@example.com'],
          },
        ],
        edit(),
      );
      expect(await store.getFeature(DURATION_KEY)).toMatchObject({
        description: 'Minutes.',
        availability: ['bigquery'],
        programmatic_descriptions: [],
        watermarks: [{ key: `${DURATION_KEY}/high_watermark`, watermark_type: 'high_watermark', time: '1710000000' }],
        generation_code: null,
        tags: [{ tag_name: 'eta', tag_type: 'default' }],
        badges: [],
        owners: ['grace@example.com'],
      });
    });

    it('reads many features at once, each as getFeature answers it, in the order asked, skipping missing ones; lists their keys', async () => {
      const keys = [ACCEPTANCE_KEY, 'rides/nope/1', DURATION_KEY];
      const one = await Promise.all(keys.map((k) => store.getFeature(k)));
      expect(await store.featuresByKeys(keys)).toEqual(one.filter((f) => f !== undefined));
      expect((await store.featuresByKeys(keys)).map((f) => f.key)).toEqual([ACCEPTANCE_KEY, DURATION_KEY]);
      expect(await store.featuresByKeys([])).toEqual([]);
      expect(await store.listFeatureKeys('', 10)).toEqual([ACCEPTANCE_KEY, DURATION_KEY]);
      expect(await store.listFeatureKeys(ACCEPTANCE_KEY, 10)).toEqual([DURATION_KEY]);
      expect(await store.listFeatureKeys('', 1)).toEqual([ACCEPTANCE_KEY]);
    });

    it('edits descriptions, tags, badges, owners and bookmarks of existing features only, each in the change feed', async () => {
      expect(await store.setFeatureDescription(ACCEPTANCE_KEY, 'Share of offers accepted.', edit('edsger@example.com'))).toBe(true);
      expect(await store.addTag('feature', ACCEPTANCE_KEY, { tag_name: 'drivers', tag_type: 'default' }, edit())).toBe(true);
      expect(await store.addBadge('feature', ACCEPTANCE_KEY, { badge_name: 'alpha', category: 'table_status' }, edit())).toBe(true);
      expect(await store.addOwner('feature', ACCEPTANCE_KEY, 'grace@example.com', edit())).toBe(true);
      expect(await store.removeTag('feature', DURATION_KEY, 'core', edit())).toBe(true);
      expect(await store.removeBadge('feature', DURATION_KEY, { badge_name: 'certified', category: 'table_status' }, edit())).toBe(true);
      expect(await store.removeOwner('feature', DURATION_KEY, 'ada@example.com', edit())).toBe(true);
      expect(await store.addFollow('frances@example.com', 'feature', DURATION_KEY, edit('frances@example.com'))).toBe(true);
      expect(await store.removeFollow('frances@example.com', 'feature', DURATION_KEY, edit('frances@example.com'))).toBe(true);
      expect(await store.getFeature(ACCEPTANCE_KEY)).toMatchObject({
        description: 'Share of offers accepted.',
        tags: [{ tag_name: 'drivers', tag_type: 'default' }],
        badges: [{ badge_name: 'alpha', category: 'table_status' }],
        owners: ['grace@example.com'],
      });
      expect(await store.getFeature(DURATION_KEY)).toMatchObject({ tags: [{ tag_name: 'mobility' }], badges: [], owners: [] });

      const missing = 'rides/nope/1';
      expect(await store.setFeatureDescription(missing, 'x', edit())).toBe(false);
      expect(await store.addTag('feature', missing, { tag_name: 'x', tag_type: 'default' }, edit())).toBe(false);
      expect(await store.addBadge('feature', missing, { badge_name: 'alpha', category: 'table_status' }, edit())).toBe(false);
      expect(await store.addOwner('feature', missing, 'ada@example.com', edit())).toBe(false);
      expect(await store.addFollow('ada@example.com', 'feature', missing, edit())).toBe(false);

      const entries = await store.audit(20);
      expect(entries.find((e) => e.action === 'set_description')).toMatchObject({
        actor: 'edsger@example.com',
        resource_type: 'feature',
        resource_key: ACCEPTANCE_KEY,
        detail: { description: 'Share of offers accepted.' },
      });
      expect(entries.filter((e) => e.resource_type === 'feature').map((e) => e.action)).toEqual([
        'unfollow',
        'follow',
        'remove_owner',
        'remove_badge',
        'remove_tag',
        'add_owner',
        'add_badge',
        'add_tag',
        'set_description',
        'ingest_features',
      ]);
      expect(entries.find((e) => e.action === 'ingest_features')).toMatchObject({
        actor: 'fram-scripts',
        resource_key: '*',
        detail: { count: 2, keys: [DURATION_KEY, ACCEPTANCE_KEY] },
      });
    });

    it('edits a resource only under its own type, and a feature only when it is in the catalog (not a lineage-only end)', async () => {
      const raw = 'rides/pickup_time/1.0';
      await store.upsertFeatureLineage([{ upstream: raw, downstream: DURATION_KEY }], edit('fram-scripts'));
      const tableKey = 'hive://gold.core/orders';
      for (const [type, key] of [
        ['feature', raw],
        ['feature', tableKey],
        ['table', DURATION_KEY],
        ['dashboard', tableKey],
      ] as const) {
        expect([type, key, await store.addFollow('ada@example.com', type, key, edit())]).toEqual([type, key, false]);
        expect([type, key, await store.removeFollow('ada@example.com', type, key, edit())]).toEqual([type, key, false]);
        expect([type, key, await store.addOwner(type, key, 'ada@example.com', edit())]).toEqual([type, key, false]);
        expect([type, key, await store.removeOwner(type, key, 'ada@example.com', edit())]).toEqual([type, key, false]);
        expect([type, key, await store.addTag(type, key, { tag_name: 'x', tag_type: 'default' }, edit())]).toEqual([type, key, false]);
        expect([type, key, await store.removeTag(type, key, 'core', edit())]).toEqual([type, key, false]);
        const badge = { badge_name: 'certified', category: 'table_status' };
        expect([type, key, await store.addBadge(type, key, badge, edit())]).toEqual([type, key, false]);
        expect([type, key, await store.removeBadge(type, key, badge, edit())]).toEqual([type, key, false]);
      }
      await store.upsertUser(normalizeUser({ email: 'ada@example.com' }), edit());
      const [ada] = await store.usersByKeys(['ada@example.com']);
      // Ada owns ORDERS and DURATION from their ingestion only; nothing above was linked.
      expect(ada.counts).toMatchObject({ own: 2, follow: 0 });
      expect(await store.followedTables('ada@example.com')).toEqual([]);
      expect(await store.getTable(tableKey)).toMatchObject({ tags: [{ tag_name: 'core' }, { tag_name: 'sales' }] });
      expect((await store.getTable(tableKey))?.badges).toEqual([{ badge_name: 'certified', category: 'table_status' }]);
      expect(await store.getFeature(raw)).toBeUndefined();
      expect(await store.getFeature(DURATION_KEY)).toMatchObject({ owners: ['ada@example.com'] });
      expect((await store.getFeature(DURATION_KEY))?.tags.map((t) => t.tag_name).sort()).toEqual(['core', 'mobility']);
    });

    it("counts a person's owned and bookmarked features with their tables and dashboards (as databuilder's user query)", async () => {
      await store.upsertUser(normalizeUser({ email: 'ada@example.com' }), edit());
      await store.addFollow('ada@example.com', 'feature', ACCEPTANCE_KEY, edit());
      const [ada] = await store.usersByKeys(['ada@example.com']);
      expect(ada.counts).toMatchObject({ own: 2, follow: 1 });
    });

    it('walks feature lineage up and down to a depth, with level, parent, source, badges, usage and whether each is in the catalog', async () => {
      const raw = 'rides/pickup_time/1.0';
      const eta = 'eta/predicted_eta/3';
      await store.upsertFeatures([{ feature_group: 'eta', name: 'predicted_eta', version: '3' }], edit());
      await store.addBadge('feature', eta, { badge_name: 'alpha', category: 'table_status' }, edit());
      expect(
        await store.upsertFeatureLineage(
          [
            { upstream: raw, downstream: DURATION_KEY },
            { upstream: DURATION_KEY, downstream: eta },
            { upstream: ACCEPTANCE_KEY, downstream: eta },
            { upstream: eta, downstream: DURATION_KEY }, // a cycle must not loop
          ],
          edit('fram-scripts'),
        ),
      ).toBe(4);
      const one = await store.featureLineage(DURATION_KEY, 1);
      expect(one!.upstream.map((i) => [i.key, i.level, i.parent, i.in_amundsen])).toEqual([
        [eta, 1, DURATION_KEY, true],
        [raw, 1, DURATION_KEY, false],
      ]);
      expect(one!.downstream).toEqual([
        {
          key: eta,
          level: 1,
          source: eta,
          badges: [{ badge_name: 'alpha', category: 'table_status' }],
          usage: 0,
          parent: DURATION_KEY,
          link: null,
          in_amundsen: true,
        },
      ]);
      const two = await store.featureLineage(ACCEPTANCE_KEY, 2);
      expect(two!.downstream.map((i) => [i.key, i.level, i.parent])).toEqual([
        [eta, 1, ACCEPTANCE_KEY],
        [DURATION_KEY, 2, eta],
      ]);
      expect(two!.upstream).toEqual([]);
      expect(await store.featureLineage('rides/nope/1', 1)).toBeUndefined();
      // An end of an edge that is not a feature of the catalog is not one because of the edge.
      expect(await store.getFeature(raw)).toBeUndefined();
      expect(await store.listFeatureKeys('', 10)).not.toContain(raw);
      expect(await store.featureLineage(raw, 1)).toBeUndefined();
    });
  });
}
