import { tableKey } from '@fram/models';
import { DatabaseSourceError } from '../sql/database-catalog';
import { postgresCatalog, postgresCatalogOf, type PostgresRelationRow, type PostgresRows } from './postgres-catalog';

const relation = (schema: string, name: string, more: Partial<PostgresRelationRow> = {}): PostgresRelationRow => ({
  schema,
  name,
  kind: 'r',
  comment: null,
  reltuples: -1,
  live_rows: null,
  analysed_at: null,
  ...more,
});

/** Rows as POSTGRES_RELATIONS_SQL and POSTGRES_COLUMNS_SQL return them (pg's types: numbers, Dates, nulls). */
const ROWS: PostgresRows = {
  database: 'warehouse',
  version: 'PostgreSQL 15.18 (Debian 15.18-0+deb12u1) on x86_64-pc-linux-gnu',
  relations: [
    relation('sales', 'orders', { comment: 'Orders', reltuples: 250, live_rows: 260, analysed_at: new Date('2026-12-02T11:00:00Z') }),
    relation('sales', 'events', { kind: 'p', reltuples: -1, live_rows: 42 }),
    relation('sales', 'fresh', { reltuples: -1, live_rows: 0 }),
    relation('sales', 'by_day', { kind: 'v', reltuples: 0 }),
    relation('sales', 'totals', { kind: 'm', reltuples: 7 }),
    relation('sales', 'remote', { kind: 'f', reltuples: -1 }),
  ],
  columns: [
    { schema: 'sales', table: 'orders', name: 'customer', type: 'character varying(80)', position: 3, comment: 'Who ordered' },
    { schema: 'sales', table: 'orders', name: 'id', type: 'integer', position: 1, comment: null },
  ],
};

/** The same, after ANALYZE: pg_stats' figures for the columns. */
const ANALYSED: PostgresRows = {
  ...ROWS,
  columns: [
    { schema: 'sales', table: 'orders', name: 'id', type: 'integer', position: 1, comment: null, null_frac: 0, n_distinct: -1 },
    { schema: 'sales', table: 'orders', name: 'customer', type: 'text', position: 2, comment: null, null_frac: 0.12345, n_distinct: 40 },
    { schema: 'sales', table: 'orders', name: 'note', type: 'text', position: 3, comment: null, null_frac: 1, n_distinct: 0 },
    { schema: 'sales', table: 'events', name: 'id', type: 'integer', position: 1, comment: null, null_frac: 0, n_distinct: -0.5 },
  ],
};

describe('postgresCatalogOf: PostgreSQL catalog rows as Fram tables', () => {
  it('keys tables postgres://{current database}.{schema}/{table} unless --database and --cluster are given', () => {
    expect(postgresCatalogOf(ROWS).catalog.tables.map(tableKey)[0]).toBe('postgres://warehouse.sales/orders');
    expect(postgresCatalogOf(ROWS, { database: 'pg', cluster: 'prod' }).catalog.tables.map(tableKey)[0]).toBe('pg://prod.sales/orders');
  });

  it('makes views and materialized views views; tables, partitioned and foreign tables tables', () => {
    const { catalog, counts } = postgresCatalogOf(ROWS);
    expect(Object.fromEntries(catalog.tables.map((t) => [t.name, t.is_view]))).toEqual({
      orders: false,
      events: false,
      fresh: false,
      by_day: true,
      totals: true,
      remote: false,
    });
    expect(counts).toEqual({ tables: 4, views: 2, filteredOut: 0 });
  });

  it("gives the planner's estimate once ANALYZE set it, else the live rows counted, else nothing; columns in attnum order", () => {
    const tables = new Map(postgresCatalogOf(ROWS).catalog.tables.map((t) => [t.name, t]));
    expect(tables.get('orders')?.programmatic_descriptions).toEqual([
      { source: 'postgres', text: "About 250 rows (PostgreSQL's estimate, last analysed 2026-12-02 11:00 UTC)." },
    ]);
    expect(tables.get('events')?.programmatic_descriptions?.[0].text).toBe("About 42 rows (PostgreSQL's estimate).");
    expect(tables.get('totals')?.programmatic_descriptions?.[0].text).toBe("About 7 rows (PostgreSQL's estimate).");
    for (const name of ['fresh', 'by_day', 'remote']) expect(tables.get(name)?.programmatic_descriptions).toBeUndefined();
    // PostgreSQL keeps no time of the last change: an analysis is not one, so last_updated_timestamp is not given.
    expect(tables.get('orders')?.last_updated_timestamp).toBeUndefined();
    expect(tables.get('orders')?.columns).toEqual([
      { name: 'id', col_type: 'integer', sort_order: 1 },
      { name: 'customer', col_type: 'character varying(80)', sort_order: 3, description: 'Who ordered' },
    ]);
  });

  it("gives pg_stats' null fraction and distinct values as column stats, as of the last analysis", () => {
    const tables = new Map(postgresCatalogOf(ANALYSED).catalog.tables.map((t) => [t.name, t]));
    const asOf = Date.parse('2026-12-02T11:00:00Z') / 1000;
    expect(tables.get('orders')?.columns?.map((c) => [c.name, c.stats])).toEqual([
      [
        'id',
        [
          { stat_type: 'null fraction', stat_val: '0', end_epoch: asOf },
          // -1: every row distinct, on the estimate of 250 rows.
          { stat_type: 'distinct values (estimate)', stat_val: '250', end_epoch: asOf },
        ],
      ],
      [
        'customer',
        [
          { stat_type: 'null fraction', stat_val: '0.1235', end_epoch: asOf },
          { stat_type: 'distinct values (estimate)', stat_val: '40', end_epoch: asOf },
        ],
      ],
      // 0 distinct values: PostgreSQL does not know.
      ['note', [{ stat_type: 'null fraction', stat_val: '1', end_epoch: asOf }]],
    ]);
    // A fraction of the rows, with no row estimate: no count (and no time of analysis).
    expect(tables.get('events')?.columns).toEqual([
      { name: 'id', col_type: 'integer', sort_order: 1, stats: [{ stat_type: 'null fraction', stat_val: '0' }] },
    ]);
  });

  it('refuses a database name that cannot be a cluster, naming --cluster', () => {
    expect(() => postgresCatalogOf({ ...ROWS, database: 'shop.eu' })).toThrow('give --cluster NAME');
    expect(postgresCatalogOf({ ...ROWS, database: 'shop.eu' }, { cluster: 'shop_eu' }).catalog.tables).toHaveLength(6);
  });
});

describe('postgresCatalog', () => {
  it('refuses what is not a PostgreSQL URL before connecting, without showing the password', async () => {
    await expect(postgresCatalog('mysql://u:hunter2@db/x')).rejects.toThrow(DatabaseSourceError);
    await expect(postgresCatalog('mysql://u:hunter2@db/x')).rejects.toThrow(
      'mysql://u:***@db/x is not a postgresql:// or postgres:// URL: give one like postgresql://user:password@host:5432/database',
    );
    await expect(postgresCatalog('hunter2')).rejects.toThrow('//… is not a URL');
  });
});
