import { ingestTablesSchema, tableKey, type TableRecord } from '@fram/models';
import { checkedCatalog } from './record-check';

const table = (name: string, extra: Partial<TableRecord> = {}): TableRecord => ({
  database: 'hive',
  cluster: 'gold',
  schema: 'core',
  name,
  columns: [{ name: 'id', col_type: 'bigint' }],
  ...extra,
});

describe('checkedCatalog', () => {
  it('keeps the records Fram takes, as their ingestion schema parses them', () => {
    const orders = table('orders');
    const { catalog, warnings, leftOut } = checkedCatalog({ tables: [orders], lineage: [], users: [{ email: 'ada@example.com' }] });
    expect(catalog).toEqual({
      tables: ingestTablesSchema.parse({ tables: [orders] }).tables,
      lineage: [],
      users: [expect.objectContaining({ email: 'ada@example.com' })],
    });
    expect(warnings).toEqual([]);
    expect(leftOut).toEqual([]);
  });

  it('leaves out, with a warning naming it, each record Fram would refuse; those with a key are left out by key', () => {
    const odd = table('odd', { columns: [{ name: 'id', col_type: 'bigint', sort_order: -1 }] });
    const { catalog, warnings, leftOut } = checkedCatalog({
      tables: [table('orders'), odd, { name: 42 }],
      lineage: [{ upstream: tableKey(table('orders')), downstream: 'not a key' }],
      users: [{ email: 'not an email' }],
    });
    expect(catalog.tables).toHaveLength(1);
    expect(catalog.lineage).toEqual([]);
    expect(catalog.users).toEqual([]);
    expect(warnings).toEqual([
      'not an email: left out: Fram would refuse it: (record): "email" must be an email address',
      expect.stringMatching(/^hive:\/\/gold\.core\/odd: left out: Fram would refuse it: columns\.0\.sort_order: /),
      expect.stringMatching(/^tables\[2\]: left out: Fram would refuse it: database: /),
      expect.stringMatching(/^lineage \["hive:\/\/gold\.core\/orders","not a key"\]: left out: /),
    ]);
    expect(leftOut).toEqual([
      { kind: 'table', key: tableKey(odd) },
      { kind: 'lineage', key: JSON.stringify([tableKey(table('orders')), 'not a key']) },
    ]);
  });
});
