import type { MetadataStoreAdapter } from '../metadata-store-adapter';
import { describeWithStore, ORDERS_KEY, edit, type OpenStore } from './fixtures.contract';

/** What every ChangeFeed adapter must do: the audit trail and change feed. */
export function describeChangeFeedContract(name: string, open: OpenStore): void {
  describeWithStore(`ChangeFeed contract: ${name}`, open, (current) => {
    let store: MetadataStoreAdapter;
    beforeEach(() => {
      store = current();
    });

    it('records every edit with its actor and time, newest first, and nothing for no-ops', async () => {
      const before = Date.now();
      await store.setTableDescription(ORDERS_KEY, 'x', edit('grace@example.com'));
      await store.setTableDescription('hive://gold.core/nope', 'x', edit('grace@example.com'));
      await store.addTag('table', ORDERS_KEY, { tag_name: 'pii', tag_type: 'default' }, edit('alan@example.com'));
      const [latest, previous] = await store.audit(2);
      expect(latest).toMatchObject({
        actor: 'alan@example.com',
        action: 'add_tag',
        resource_type: 'table',
        resource_key: ORDERS_KEY,
        detail: { tag_name: 'pii' },
      });
      expect(previous).toMatchObject({
        actor: 'grace@example.com',
        action: 'set_description',
        resource_key: ORDERS_KEY,
        detail: { description: 'x' },
      });
      expect(previous.at).toBeGreaterThanOrEqual(before);
      const older = await store.audit(10, previous.id);
      expect(older[0]).toMatchObject({
        action: 'ingest_tables',
        actor: 'fram-scripts',
        detail: { count: 3, keys: [ORDERS_KEY, 'hive://gold.core/customers', 'bigquery://prod.analytics/events'] },
      });
      // The same entries oldest first, after a given id: the change feed search is kept current from.
      const feed = await store.auditSince(older[0].id - 1, 10);
      expect(feed.map((e) => e.action)).toEqual(['ingest_tables', 'set_description', 'add_tag']);
      expect(await store.auditSince(latest.id, 10)).toEqual([]);
    });
  });
}
