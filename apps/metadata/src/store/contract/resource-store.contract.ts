import type { MetadataStoreAdapter } from '../metadata-store-adapter';
import { describeWithStore, ORDERS_KEY, edit, type OpenStore } from './fixtures.contract';

/** What every ResourceStore adapter must do: tags, badges and owners of any resource. */
export function describeResourceStoreContract(name: string, open: OpenStore): void {
  describeWithStore(`ResourceStore contract: ${name}`, open, (current) => {
    let store: MetadataStoreAdapter;
    beforeEach(() => {
      store = current();
    });

    it('adds and removes tags, badges and owners, only on existing tables', async () => {
      expect(await store.addTag('table', ORDERS_KEY, { tag_name: 'pii', tag_type: 'default' }, edit())).toBe(true);
      expect(await store.removeTag('table', ORDERS_KEY, 'core', edit())).toBe(true);
      expect(await store.addBadge('table', ORDERS_KEY, { badge_name: 'deprecated', category: 'table_status' }, edit())).toBe(true);
      expect(await store.addOwner('table', ORDERS_KEY, 'grace@example.com', edit())).toBe(true);
      expect(await store.removeOwner('table', ORDERS_KEY, 'ada@example.com', edit())).toBe(true);
      const table = await store.getTable(ORDERS_KEY);
      expect(table!.tags.map((t) => t.tag_name)).toEqual(['pii', 'sales']);
      expect(table!.badges.map((b) => b.badge_name)).toEqual(['certified', 'deprecated']);
      expect(table!.owners).toEqual(['grace@example.com']);
      expect(await store.addTag('table', 'hive://gold.core/nope', { tag_name: 'x', tag_type: 'default' }, edit())).toBe(false);
      expect(await store.addOwner('table', 'hive://gold.core/nope', 'ada@example.com', edit())).toBe(false);
    });
  });
}
