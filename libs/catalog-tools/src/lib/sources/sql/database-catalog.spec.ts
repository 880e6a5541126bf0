import { ingestTablesSchema, tableKey, type TableRecord } from '@fram/models';
import { maskedUrl, readFailure } from './connection-url';
import {
  databaseCatalog,
  DatabaseSourceError,
  rowsText,
  type DatabaseRead,
  type DatabaseSettings,
  type RelationRow,
} from './database-catalog';
import { namePatterns, patternList } from './name-patterns';

const SETTINGS: DatabaseSettings = {
  database: 'postgres',
  cluster: 'shop',
  engine: 'PostgreSQL',
  descriptionSource: 'postgres',
  rowsAreEstimates: true,
};

const relation = (schema: string, name: string, more: Partial<RelationRow> = {}): RelationRow => ({
  schema,
  name,
  isView: false,
  comment: null,
  ...more,
});
const column = (schema: string, table: string, name: string, position: number, type = 'integer', comment: string | null = null) => ({
  schema,
  table,
  name,
  type,
  position,
  comment,
});

function byKey(tables: TableRecord[], key: string): TableRecord {
  const found = tables.find((table) => tableKey(table) === key);
  if (!found) throw new Error(`no ${key} in ${tables.map(tableKey).join(', ')}`);
  return found;
}

describe('databaseCatalog: a database catalog as Fram tables', () => {
  const read: DatabaseRead = {
    relations: [
      relation('sales', 'orders', { comment: '  One row per order. ', rows: 1234.4, analysedAt: new Date('2026-12-01T10:20:30Z') }),
      relation('sales', 'big_orders', { isView: true, comment: 'Orders over 100' }),
      relation('sales', 'empty', { comment: '' }),
      relation('hr', 'people', { rows: 1, updatedAt: new Date('2026-11-30T08:00:00.900Z') }),
    ],
    columns: [
      column('sales', 'orders', 'total', 3, 'numeric(10,2)'),
      column('sales', 'orders', 'id', 1, 'integer', 'The order'),
      column('sales', 'orders', 'customer', 2, 'character varying(80)', '\u0007Who ordered'),
      column('sales', 'big_orders', 'id', 1),
      column('hr', 'people', 'name', 1, 'text'),
    ],
  };

  it('makes each table and view a record Fram takes: key parts, view or not, comments, columns in order with their types', () => {
    const { catalog, warnings, counts } = databaseCatalog(read, SETTINGS);
    expect(warnings).toEqual([]);
    expect(counts).toEqual({ tables: 3, views: 1, filteredOut: 0 });
    expect(ingestTablesSchema.safeParse({ tables: catalog.tables }).success).toBe(true);
    expect(catalog.tables.map(tableKey)).toEqual([
      'postgres://shop.sales/orders',
      'postgres://shop.sales/big_orders',
      'postgres://shop.sales/empty',
      'postgres://shop.hr/people',
    ]);
    expect(byKey(catalog.tables, 'postgres://shop.sales/orders')).toEqual({
      database: 'postgres',
      cluster: 'shop',
      schema: 'sales',
      name: 'orders',
      is_view: false,
      description: 'One row per order.',
      columns: [
        { name: 'id', col_type: 'integer', sort_order: 1, description: 'The order' },
        // A stray control character is dropped from a description.
        { name: 'customer', col_type: 'character varying(80)', sort_order: 2, description: 'Who ordered' },
        { name: 'total', col_type: 'numeric(10,2)', sort_order: 3, description: undefined },
      ],
      programmatic_descriptions: [
        { source: 'postgres', text: "About 1,234 rows (PostgreSQL's estimate, last analysed 2026-12-01 10:20 UTC)." },
      ],
    });
  });

  it('leaves out what is not there: no description without a comment, no row figure for what the server did not count', () => {
    const { catalog } = databaseCatalog(read, SETTINGS);
    const view = byKey(catalog.tables, 'postgres://shop.sales/big_orders');
    expect(view).toMatchObject({ is_view: true, description: 'Orders over 100' });
    expect(view.programmatic_descriptions).toBeUndefined();
    const empty = byKey(catalog.tables, 'postgres://shop.sales/empty');
    expect(empty.description).toBeUndefined();
    expect(empty.programmatic_descriptions).toBeUndefined();
    expect(empty.columns).toEqual([]);
    expect(empty.last_updated_timestamp).toBeUndefined();
  });

  it('gives the time the data last changed, where the server keeps it, as last_updated_timestamp (epoch seconds)', () => {
    const people = byKey(databaseCatalog(read, SETTINGS).catalog.tables, 'postgres://shop.hr/people');
    expect(people.last_updated_timestamp).toBe(Date.parse('2026-11-30T08:00:00Z') / 1000);
    expect(people.programmatic_descriptions).toEqual([{ source: 'postgres', text: "About 1 row (PostgreSQL's estimate)." }]);
  });

  it('keeps odd names that make valid keys (spaces, case, quotes, unicode) and leaves out with a warning those that cannot', () => {
    const odd: DatabaseRead = {
      relations: [
        relation('Odd Schema', 'Mixed Case "quoted"'),
        relation('données', 'Ünïcode ✓'),
        relation('Odd Schema', 'a/b'),
        relation('bad/schema', 't'),
        relation('Odd Schema', 'line\nbreak'),
        relation('Odd Schema', 'x'.repeat(501)),
      ],
      columns: [
        column('Odd Schema', 'Mixed Case "quoted"', 'Total €', 1),
        column('Odd Schema', 'Mixed Case "quoted"', 'a/b', 2),
        column('Odd Schema', 'Mixed Case "quoted"', 'tab\there', 3),
      ],
    };
    const { catalog, warnings, leftOut } = databaseCatalog(odd, SETTINGS);
    expect(catalog.tables.map(tableKey)).toEqual(['postgres://shop.Odd Schema/Mixed Case "quoted"', 'postgres://shop.données/Ünïcode ✓']);
    // A name no key can hold was never in Fram: nothing of it to keep when a run removes what its source dropped.
    expect(leftOut).toEqual([]);
    expect(ingestTablesSchema.safeParse({ tables: catalog.tables }).success).toBe(true);
    expect(catalog.tables[0].columns?.map((c) => c.name)).toEqual(['Total €', 'a/b']);
    expect(warnings).toEqual([
      'Odd Schema.Mixed Case "quoted": column "tab\\there" left out: its name contains a control character (such as a line break or NUL)',
      '"Odd Schema.a/b": left out: its name has a "/", which a Fram table key cannot hold',
      '"bad/schema.t": left out: its name has a "/", which a Fram table key cannot hold',
      '"Odd Schema.line\\nbreak": left out: its name contains a control character (such as a line break or NUL), which a Fram table key cannot hold',
      expect.stringMatching(/^"Odd Schema\.x+": left out: its name is longer than 500 characters/),
    ]);
  });

  it('leaves out, by key, a table Fram would refuse for what it holds, so that a run does not remove its earlier version', () => {
    const wide: DatabaseRead = {
      relations: [relation('sales', 'wide'), relation('sales', 'narrow')],
      columns: [column('sales', 'wide', 'blob', 1, 'x'.repeat(10_001)), column('sales', 'narrow', 'id', 1)],
    };
    const { catalog, warnings, leftOut } = databaseCatalog(wide, SETTINGS);
    expect(catalog.tables.map(tableKey)).toEqual(['postgres://shop.sales/narrow']);
    expect(warnings).toEqual([expect.stringMatching(/^sales\.wide: left out: Fram would refuse it: tables\.0\.columns\.0\.col_type: /)]);
    expect(leftOut).toEqual([{ kind: 'table', key: 'postgres://shop.sales/wide' }]);
  });

  it('refuses a database or cluster that cannot be part of a key, naming the option to give', () => {
    const run = (settings: Partial<DatabaseSettings>) => () => databaseCatalog(read, { ...SETTINGS, ...settings });
    expect(run({ cluster: 'shop.eu' })).toThrow(DatabaseSourceError);
    expect(run({ cluster: 'shop.eu' })).toThrow(
      'the cluster "shop.eu" cannot be a part of Fram\'s table keys (no "." or "/" or control characters): give --cluster NAME',
    );
    expect(run({ database: 'pg:15' })).toThrow('give --database NAME');
    expect(run({ cluster: '' })).toThrow(DatabaseSourceError);
  });

  it('reads only what the include and exclude patterns let through, counting what they left out', () => {
    const { catalog, counts } = databaseCatalog(read, SETTINGS, { includeSchemas: ['sales'], excludeTables: ['*_orders'] });
    expect(catalog.tables.map((t) => t.name)).toEqual(['orders', 'empty']);
    expect(counts).toEqual({ tables: 2, views: 0, filteredOut: 2 });
  });
});

describe('namePatterns', () => {
  it('matches globs against whole names, case counting; a table pattern with a "." against schema.table', () => {
    const patterns = namePatterns({ includeSchemas: ['sales', 'hr_*'], excludeTables: ['*_tmp', 'hr_eu.secret?'] });
    expect(patterns.takes('sales', 'orders')).toBe(true);
    expect(patterns.takes('hr_eu', 'people')).toBe(true);
    expect(patterns.takes('Sales', 'orders')).toBe(false);
    expect(patterns.takes('sales_archive', 'orders')).toBe(false);
    expect(patterns.takes('sales', 'orders_tmp')).toBe(false);
    expect(patterns.takes('hr_eu', 'secret1')).toBe(false);
    expect(patterns.takes('hr_eu', 'secret12')).toBe(true);
    expect(patterns.takes('hr_us', 'secret1')).toBe(true);
  });

  it('takes regular-expression characters literally, and lets an exclusion win over an inclusion', () => {
    expect(namePatterns({ includeTables: ['a.b'] }).takes('a', 'b')).toBe(true);
    expect(namePatterns({ includeTables: ['a.b'] }).takes('axb', 'c')).toBe(false);
    expect(namePatterns({ includeTables: ['(x)+'] }).takes('s', '(x)+')).toBe(true);
    expect(namePatterns({ includeTables: ['(x)+'] }).takes('s', 'xx')).toBe(false);
    expect(namePatterns({ includeSchemas: ['s*'], excludeSchemas: ['staging'] }).takes('staging', 't')).toBe(false);
    expect(namePatterns({}).takes('any', 'thing')).toBe(true);
  });

  it('reads comma lists from the command line', () => {
    expect(patternList(' sales , hr_*,,')).toEqual(['sales', 'hr_*']);
    expect(patternList(' , ')).toBeUndefined();
    expect(patternList(undefined)).toBeUndefined();
  });
});

describe('rowsText', () => {
  it('says whether the figure is an estimate, and when it was analysed', () => {
    const settings = { ...SETTINGS, engine: 'MariaDB', rowsAreEstimates: false };
    expect(rowsText(relation('s', 't', { rows: 2_500_000 }), settings)).toBe('2,500,000 rows (counted by MariaDB).');
    expect(rowsText(relation('s', 't', { rows: -1 }), SETTINGS)).toBeUndefined();
    expect(rowsText(relation('s', 't', { rows: null }), SETTINGS)).toBeUndefined();
  });
});

describe('connection URLs in messages', () => {
  it('never shows the password, as written or decoded', () => {
    expect(maskedUrl('postgresql://fram:s3cr%40t@db.example.com:5432/shop')).toBe('postgresql://fram:***@db.example.com:5432/shop');
    expect(maskedUrl('mysql://fram@db:3306')).toBe('mysql://fram@db:3306');
    expect(maskedUrl('postgresql://fram:s3cret@[bad')).toBe('postgresql://…');
    const failure = readFailure('mysql://fram:s3cr%40t@db:3306', new Error('login s3cr@t refused (s3cr%40t)'));
    expect(failure).toBeInstanceOf(DatabaseSourceError);
    expect(failure.message).toBe('cannot read mysql://fram:***@db:3306: login *** refused (***)');
  });

  it('never shows query parameters that may hold a secret (pg password, sslpassword; mysql2 password1..3, JSON ssl options)', () => {
    expect(maskedUrl('postgresql://db/shop?sslmode=require&password=s3cr%40t&sslpassword=k3y+pass&application_name=fram')).toBe(
      'postgresql://db/shop?sslmode=require&password=***&sslpassword=***&application_name=fram',
    );
    expect(maskedUrl('mysql://fram@db:3306/shop?password2=otp123&ssl={"key":"PRIVATE"}&connectTimeout=5000')).toBe(
      'mysql://fram@db:3306/shop?password2=***&ssl=***&connectTimeout=5000',
    );
    expect(maskedUrl('postgresql://db/shop?sslmode=require&connect_timeout')).toBe('postgresql://db/shop?sslmode=require&connect_timeout');
    expect(maskedUrl('postgresql://db/shop?options=&sslpassword')).toBe('postgresql://db/shop?options=&sslpassword=***');
    const failure = readFailure(
      'postgresql://fram:pw@db/shop?sslpassword=k3y+pass&password=s3cr%40t',
      new Error('bad key k3y pass (k3y+pass); login s3cr@t refused (s3cr%40t); pw'),
    );
    expect(failure.message).toBe(
      'cannot read postgresql://fram:***@db/shop?sslpassword=***&password=***: bad key *** (***); login *** refused (***); ***',
    );
  });
});
