import type { MetadataStoreAdapter } from '../metadata-store-adapter';
import { describeWithStore, ORDERS_KEY, type OpenStore } from './fixtures.contract';

/** What every StoreLifecycle adapter must do: prepare (any number of times) and report its health. */
export function describeStoreLifecycleContract(name: string, open: OpenStore): void {
  describeWithStore(`StoreLifecycle contract: ${name}`, open, (current) => {
    let store: MetadataStoreAdapter;
    beforeEach(() => {
      store = current();
    });

    it('prepares again without harm, keeping what it holds', async () => {
      await store.prepare();
      await store.prepare();
      expect(await store.getTable(ORDERS_KEY)).toMatchObject({ key: ORDERS_KEY });
    });

    it('reports its health', async () => {
      expect(await store.health()).toEqual({ status: 'ok' });
    });
  });
}
