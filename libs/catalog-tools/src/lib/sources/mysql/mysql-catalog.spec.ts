import { tableKey } from '@fram/models';
import { DatabaseSourceError } from '../sql/database-catalog';
import { mysqlCatalog, mysqlCatalogOf, type MysqlRows, type MysqlTableRow } from './mysql-catalog';

const table = (schema: string, name: string, more: Partial<MysqlTableRow> = {}): MysqlTableRow => ({
  schema,
  name,
  type: 'BASE TABLE',
  engine: 'InnoDB',
  comment: '',
  rows: null,
  updated_at: null,
  ...more,
});

/** Rows as MYSQL_TABLES_SQL and MYSQL_COLUMNS_SQL return them (mysql2 with dateStrings, the session in UTC). */
const ROWS: MysqlRows = {
  version: '10.11.18-MariaDB-0+deb12u1',
  tables: [
    table('shop', 'orders', { comment: 'One row per order', rows: 3, updated_at: '2026-12-02 11:51:34' }),
    table('shop', 'big_orders', { type: 'VIEW', engine: null, comment: 'VIEW' }),
    table('shop', 'history', { type: 'SYSTEM VERSIONED', rows: '9007199254740993' }),
  ],
  columns: [
    { schema: 'shop', table: 'orders', name: 'total', type: 'decimal(10,2)', position: 3, comment: '' },
    { schema: 'shop', table: 'orders', name: 'id', type: 'int(11)', position: 1, comment: '' },
    { schema: 'shop', table: 'orders', name: 'customer', type: 'varchar(80)', position: 2, comment: 'Who ordered' },
  ],
};

describe('mysqlCatalogOf: information_schema rows as Fram tables', () => {
  it('keys tables mysql://def.{schema}/{table} (the catalog Amundsen uses) unless --database and --cluster are given', () => {
    expect(mysqlCatalogOf(ROWS).catalog.tables.map(tableKey)).toEqual([
      'mysql://def.shop/orders',
      'mysql://def.shop/big_orders',
      'mysql://def.shop/history',
    ]);
    expect(tableKey(mysqlCatalogOf(ROWS, { database: 'mariadb', cluster: 'eu1' }).catalog.tables[0])).toBe('mariadb://eu1.shop/orders');
  });

  it('maps comments, COLUMN_TYPE, ORDINAL_POSITION, TABLE_ROWS and UPDATE_TIME; a view has no comment "VIEW"', () => {
    const [orders, view, history] = mysqlCatalogOf(ROWS).catalog.tables;
    expect(orders).toEqual({
      database: 'mysql',
      cluster: 'def',
      schema: 'shop',
      name: 'orders',
      is_view: false,
      description: 'One row per order',
      columns: [
        { name: 'id', col_type: 'int(11)', sort_order: 1 },
        { name: 'customer', col_type: 'varchar(80)', sort_order: 2, description: 'Who ordered' },
        { name: 'total', col_type: 'decimal(10,2)', sort_order: 3 },
      ],
      programmatic_descriptions: [{ source: 'mysql', text: "About 3 rows (MariaDB's estimate)." }],
      last_updated_timestamp: Date.parse('2026-12-02T11:51:34Z') / 1000,
    });
    expect(view).toMatchObject({ is_view: true });
    expect(view.description).toBeUndefined();
    expect(view.programmatic_descriptions).toBeUndefined();
    expect(history.programmatic_descriptions?.[0].text).toBe("About 9,007,199,254,740,992 rows (MariaDB's estimate).");
  });

  it('names MySQL as MySQL', () => {
    const [orders] = mysqlCatalogOf({ ...ROWS, version: '8.4.3' }).catalog.tables;
    expect(orders.programmatic_descriptions?.[0].text).toBe("About 3 rows (MySQL's estimate).");
  });
});

describe('mysqlCatalog', () => {
  it('refuses what is not a MySQL URL before connecting, without showing the password', async () => {
    await expect(mysqlCatalog('postgresql://u:hunter2@db/x')).rejects.toThrow(DatabaseSourceError);
    await expect(mysqlCatalog('postgresql://u:hunter2@db/x')).rejects.toThrow(
      'postgresql://u:***@db/x is not a mysql:// or mariadb:// URL',
    );
  });
});
