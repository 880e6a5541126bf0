import { tableKey, type TableRecord } from '@fram/models';
import { ingestFingerprint } from './ingest-fingerprint';
import { sourceDiff } from './source-diff';

const table = (name: string, description?: string): TableRecord => ({
  database: 'postgres',
  cluster: 'shop',
  schema: 'public',
  name,
  description,
  columns: [{ name: 'id', col_type: 'bigint' }],
});
const held = (record: TableRecord) => ({ key: tableKey(record), fingerprint: ingestFingerprint(record), run: 'r1' });
const edge = (upstream: string, downstream: string) => ({ upstream, downstream });

describe('sourceDiff', () => {
  it('sorts what a run would send into added, changed, unchanged, and what it would remove, kind by kind', () => {
    const orders = table('orders');
    const items = table('items');
    const lineage = [edge(tableKey(orders), tableKey(items))];
    const ledger = {
      table: [held(orders), held(table('customers')), held(table('payments')), held(table('items', 'old'))],
      lineage: [{ key: JSON.stringify([tableKey(orders), tableKey(table('payments'))]), fingerprint: 'x', run: 'r1' }],
    };
    const catalog = { tables: [table('refunds'), orders, items, table('accounts')], lineage };
    expect(sourceDiff(catalog, ledger)).toEqual([
      {
        kind: 'table',
        add: [tableKey(table('accounts')), tableKey(table('refunds'))],
        change: [tableKey(items)],
        unchanged: 1,
        remove: [tableKey(table('customers')), tableKey(table('payments'))],
      },
      {
        kind: 'lineage',
        add: [JSON.stringify([tableKey(orders), tableKey(items)])],
        change: [],
        unchanged: 0,
        remove: [JSON.stringify([tableKey(orders), tableKey(table('payments'))])],
      },
    ]);
  });

  it('compares records whatever their key order, and of a key sent twice the last (as upserts go)', () => {
    const orders = table('orders', 'Orders');
    const reordered = JSON.parse(
      JSON.stringify({
        columns: orders.columns,
        name: 'orders',
        description: 'Orders',
        schema: 'public',
        cluster: 'shop',
        database: 'postgres',
      }),
    ) as TableRecord;
    expect(sourceDiff({ tables: [reordered] }, { table: [held(orders)] })).toEqual([
      { kind: 'table', add: [], change: [], unchanged: 1, remove: [] },
    ]);
    expect(sourceDiff({ tables: [orders, table('orders', 'New')] }, { table: [held(orders)] })[0].change).toEqual([tableKey(orders)]);
  });

  it('leaves out the kinds neither side has; an empty ledger adds everything, an empty catalog removes everything', () => {
    expect(sourceDiff({ users: [{}] }, {})).toEqual([]);
    expect(sourceDiff({ tables: [table('a')] }, {})).toEqual([
      { kind: 'table', add: [tableKey(table('a'))], change: [], unchanged: 0, remove: [] },
    ]);
    expect(sourceDiff({}, { table: [held(table('a'))] })).toEqual([
      { kind: 'table', add: [], change: [], unchanged: 0, remove: [tableKey(table('a'))] },
    ]);
  });
});
