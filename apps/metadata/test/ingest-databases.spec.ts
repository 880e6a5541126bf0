import { createConnection } from 'mysql2/promise';
import { Client } from 'pg';
import { startMariaDb, startPostgres, type DatabaseServer } from '@fram/testing';
import { startIngestCliStack, type IngestCliStack } from './ingest-cli-stack';

/*
 * `npm run ingest -- postgres URL` and `-- mysql URL` against real servers from Debian (PostgreSQL 15, MariaDB
 * 10.11; .ci/run installs them), each started by the test on loopback in a folder of its own: several schemas,
 * comments, views, odd names, statistics after ANALYZE; what arrives is read back through metadata's API.
 */

interface Column {
  name: string;
  col_type: string;
  sort_order: number;
  description: string | null;
  stats: { stat_type: string; stat_val: string; end_epoch: number | null }[];
}
interface Table {
  key: string;
  is_view: boolean;
  description: string | null;
  columns: Column[];
  programmatic_descriptions: { source: string; text: string }[];
  last_updated_timestamp: number | null;
}

const POSTGRES_SCHEMA = `
CREATE SCHEMA sales;
CREATE SCHEMA hr;
CREATE SCHEMA "Odd Schema";
CREATE TABLE sales.customers (id integer PRIMARY KEY, name varchar(80) NOT NULL, country char(2));
CREATE TABLE sales.orders (id bigserial PRIMARY KEY, customer_id integer REFERENCES sales.customers, total numeric(10,2),
  placed_at timestamp with time zone, tags text[]);
ALTER TABLE sales.orders DROP COLUMN tags;
ALTER TABLE sales.orders ADD COLUMN status text DEFAULT 'placed';
COMMENT ON TABLE sales.orders IS 'One row per order, as placed';
COMMENT ON COLUMN sales.orders.total IS 'In euros, with VAT';
CREATE VIEW sales.big_orders AS SELECT id, total FROM sales.orders WHERE total > 100;
COMMENT ON VIEW sales.big_orders IS 'Orders over 100 euros';
CREATE TABLE sales.orders_tmp (x integer);
CREATE TABLE hr.people (id integer, "Full Name" text);
COMMENT ON COLUMN hr.people."Full Name" IS 'As on the passport';
CREATE TABLE "Odd Schema"."Mixed Case ""Quoted"" Ünïcode" (v integer);
CREATE TABLE "Odd Schema"."a/b" (v integer);
INSERT INTO sales.customers SELECT g, 'customer ' || g, 'FR' FROM generate_series(1, 40) g;
INSERT INTO sales.orders (customer_id, total, placed_at) SELECT 1 + g % 40, g, now() FROM generate_series(1, 1000) g;
CREATE MATERIALIZED VIEW sales.daily AS SELECT date_trunc('day', placed_at) AS day, sum(total) AS total FROM sales.orders GROUP BY 1;
ANALYZE;`;

const MARIADB_SCHEMA = `
CREATE DATABASE shop;
CREATE DATABASE hr;
CREATE DATABASE \`Odd Schema\`;
CREATE TABLE shop.customers (id int PRIMARY KEY, name varchar(80) NOT NULL COMMENT 'Full name', country char(2)) COMMENT 'Who buys';
CREATE TABLE shop.orders (id bigint unsigned PRIMARY KEY AUTO_INCREMENT, customer_id int, total decimal(10,2) COMMENT 'In euros',
  placed_at datetime) COMMENT 'One row per order';
CREATE VIEW shop.big_orders AS SELECT id, total FROM shop.orders WHERE total > 100;
CREATE TABLE shop.orders_tmp (x int);
CREATE TABLE hr.people (id int, \`Full Name\` text COMMENT 'As on the passport');
CREATE TABLE \`Odd Schema\`.\`Mixed Case "Quoted" Ünïcode\` (v int);
CREATE TABLE \`Odd Schema\`.\`a/b\` (v int);
INSERT INTO shop.customers WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 40)
  SELECT n, CONCAT('customer ', n), 'FR' FROM s;
INSERT INTO shop.orders (customer_id, total, placed_at) WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < 1000)
  SELECT 1 + n % 40, n, NOW() FROM s;
ANALYZE TABLE shop.customers, shop.orders;`;

describe('npm run ingest -- postgres URL and -- mysql URL, against real servers', () => {
  let stack: IngestCliStack;
  let postgres: DatabaseServer;
  let mariadb: DatabaseServer;
  let filled: number;

  beforeAll(async () => {
    [stack, postgres, mariadb] = await Promise.all([startIngestCliStack(), startPostgres(), startMariaDb()]);
    const client = new Client({ connectionString: postgres.url });
    await client.connect();
    await client.query(POSTGRES_SCHEMA);
    await client.end();
    filled = Math.floor(Date.now() / 1000);
    const connection = await createConnection({ uri: mariadb.url, multipleStatements: true });
    await connection.query(MARIADB_SCHEMA);
    await connection.end();
  }, 90_000);
  afterAll(async () => {
    await Promise.all([stack?.stop(), postgres?.stop(), mariadb?.stop()]);
  });

  const table = async (key: string) => {
    const response = await stack.get(`/table/${encodeURI(key)}`);
    return { status: response.status, body: response.status === 200 ? response.json<Table>() : undefined };
  };
  const found = async (key: string): Promise<Table> => {
    const { status, body } = await table(key);
    if (!body) throw new Error(`GET /table/${key}: ${status}`);
    return body;
  };
  const columns = (t: Table) =>
    t.columns.map(({ name, col_type, sort_order, description }) => ({ name, col_type, sort_order, description }));
  const newestAudit = async () => (await stack.get('/audit?limit=1')).json<{ entries: { id: number }[] }>().entries[0]?.id ?? 0;

  describe('postgres', () => {
    const pg = (schema: string, name: string) => `postgres://db.${schema}/${name}`;

    it('prints its usage, and a connection that fails is exit 2, nothing sent, the password masked', async () => {
      const help = await stack.run(['postgres', '--help']);
      expect(help.code).toBe(0);
      expect(help.output).toContain('usage: npm run ingest -- postgres [URL] [options]');
      expect(help.output).toContain('given in INGEST_DATABASE_URL instead');
      expect(help.output).toContain('--exclude-tables P,P');
      expect((await stack.run(['--help'])).output).toContain('postgres URL       a live PostgreSQL database');

      const before = await newestAudit();
      const wrong = postgres.url.replace(':secret@', ':Not-The-Password-42@');
      const refused = await stack.run(['postgres', wrong]);
      expect(refused.code).toBe(2);
      expect(refused.output).toContain(`ingest: nothing sent: cannot read postgresql://fram:***@127.0.0.1:${postgres.port}/db:`);
      expect(refused.output).toContain('password authentication failed');
      expect(refused.output).not.toContain('Not-The-Password-42');
      const noServer = await stack.run(['postgres', 'postgresql://fram:Not-The-Password-42@127.0.0.1:1/db']);
      expect(noServer.code).toBe(2);
      expect(noServer.output).toContain('ingest: nothing sent: cannot read postgresql://fram:***@127.0.0.1:1/db: ');
      expect(noServer.output).not.toContain('Not-The-Password-42');
      const noUrl = await stack.run(['postgres'], { INGEST_DATABASE_URL: '' });
      expect(noUrl.code).toBe(2);
      expect(noUrl.output).toContain('no URL given: give it, or set INGEST_DATABASE_URL');
      expect(await newestAudit()).toBe(before);
    });

    it('a dry run reads the database and says what it would send, sending nothing', async () => {
      const before = await newestAudit();
      const { code, output } = await stack.run(['postgres', postgres.url, '--dry-run']);
      expect(output).toContain(`Read 5 tables and 2 views from postgresql://fram:***@127.0.0.1:${postgres.port}/db (PostgreSQL 15.`);
      expect(output).toContain('"Odd Schema.a/b": left out: its name has a "/", which a Fram table key cannot hold');
      expect(output).toContain('Dry run: would send 7 tables; nothing sent');
      expect(output).not.toContain(':secret@');
      expect(code).toBe(0);
      expect(await newestAudit()).toBe(before);
      expect((await table(pg('sales', 'orders'))).status).toBe(404);
    });

    it('imports what the include and exclude patterns name: tables, views, columns with types, order and comments, row estimates', async () => {
      const { code, output } = await stack.run(['postgres', postgres.url, '--include-schemas', 'sales, Odd*', '--exclude-tables', '*_tmp']);
      expect(output).toContain('Read 3 tables and 2 views from postgresql://fram:***@');
      expect(output).toContain('; 2 left out by the patterns');
      expect(output).toMatch(/Ingested 5 tables into http:\/\/127\.0\.0\.1:\d+ in [\d.]+ s/);
      expect(code).toBe(0);

      const orders = await found(pg('sales', 'orders'));
      expect(orders).toMatchObject({ is_view: false, description: 'One row per order, as placed' });
      expect(columns(orders)).toEqual([
        { name: 'id', col_type: 'bigint', sort_order: 1, description: null },
        { name: 'customer_id', col_type: 'integer', sort_order: 2, description: null },
        { name: 'total', col_type: 'numeric(10,2)', sort_order: 3, description: 'In euros, with VAT' },
        { name: 'placed_at', col_type: 'timestamp with time zone', sort_order: 4, description: null },
        // The dropped column (5) is not there; PostgreSQL's positions are kept.
        { name: 'status', col_type: 'text', sort_order: 6, description: null },
      ]);
      expect(orders.programmatic_descriptions).toEqual([
        {
          source: 'postgres',
          text: expect.stringMatching(/^About 1,000 rows \(PostgreSQL's estimate, last analysed \d{4}-\d\d-\d\d \d\d:\d\d UTC\)\.$/),
        },
      ]);
      // What ANALYZE found of each column (pg_stats), as column stats.
      const stats = (t: Table, name: string) =>
        Object.fromEntries((t.columns.find((c) => c.name === name)?.stats ?? []).map((stat) => [stat.stat_type, stat.stat_val]));
      expect(stats(orders, 'id')).toEqual({ 'null fraction': '0', 'distinct values (estimate)': '1000' });
      expect(stats(orders, 'customer_id')).toEqual({ 'null fraction': '0', 'distinct values (estimate)': '40' });
      expect(stats(orders, 'status')).toEqual({ 'null fraction': '0', 'distinct values (estimate)': '1' });
      const customers = await found(pg('sales', 'customers'));
      expect(columns(customers).map((c) => `${c.name} ${c.col_type}`)).toEqual([
        'id integer',
        'name character varying(80)',
        'country character(2)',
      ]);
      expect(customers.programmatic_descriptions[0].text).toMatch(/^About 40 rows /);

      const view = await found(pg('sales', 'big_orders'));
      expect(view).toMatchObject({ is_view: true, description: 'Orders over 100 euros', programmatic_descriptions: [] });
      expect(columns(view).map((c) => c.name)).toEqual(['id', 'total']);
      const daily = await found(pg('sales', 'daily'));
      expect(daily.is_view).toBe(true);
      expect(daily.programmatic_descriptions[0].text).toMatch(/^About 1 row /);

      const odd = await found(pg('Odd Schema', 'Mixed Case "Quoted" Ünïcode'));
      expect(columns(odd)).toEqual([{ name: 'v', col_type: 'integer', sort_order: 1, description: null }]);
      expect((await table(pg('sales', 'orders_tmp'))).status).toBe(404);
      expect((await table(pg('hr', 'people'))).status).toBe(404);
    });

    it('a second run without patterns adds the rest, and a run again changes nothing', async () => {
      expect((await stack.run(['postgres', postgres.url])).code).toBe(0);
      const people = await found(pg('hr', 'people'));
      expect(columns(people)).toEqual([
        { name: 'id', col_type: 'integer', sort_order: 1, description: null },
        { name: 'Full Name', col_type: 'text', sort_order: 2, description: 'As on the passport' },
      ]);
      const keys = ['sales/orders', 'sales/big_orders', 'sales/daily', 'hr/people', 'sales/orders_tmp'].map((k) =>
        pg(...(k.split('/') as [string, string])),
      );
      const first = await Promise.all(keys.map(found));
      const again = await stack.run(['postgres'], { INGEST_DATABASE_URL: postgres.url });
      expect(again.output).toMatch(/Ingested 7 tables into/);
      expect(again.code).toBe(0);
      expect(await Promise.all(keys.map(found))).toEqual(first);
    });

    it('a table dropped in PostgreSQL: a dry run lists it to remove, a run removes it from Fram', async () => {
      const source = `postgres:127.0.0.1:${postgres.port}/db`;
      const client = new Client({ connectionString: postgres.url });
      await client.connect();
      await client.query('DROP TABLE sales.orders_tmp');
      await client.end();

      const before = await newestAudit();
      const dry = await stack.run(['postgres', postgres.url, '--dry-run']);
      expect(dry.output).toContain(`Compared with what Fram holds of ${source}:`);
      expect(dry.output).toContain('  tables: would add 0, change 0, leave 6 unchanged, remove 1');
      expect(dry.output).toContain(`    remove ${pg('sales', 'orders_tmp')}`);
      expect(dry.code).toBe(0);
      expect(await newestAudit()).toBe(before);
      expect((await table(pg('sales', 'orders_tmp'))).status).toBe(200);

      const { code, output } = await stack.run(['postgres', postgres.url]);
      expect(output).toMatch(
        new RegExp(`Ingested 6 tables into \\S+ in [\\d.]+ s; removed 1 table no longer in ${source.replace(/\./g, '\\.')}$`, 'm'),
      );
      expect(code).toBe(0);
      expect((await table(pg('sales', 'orders_tmp'))).status).toBe(404);
      expect((await table(pg('sales', 'orders'))).status).toBe(200);
    });
  });

  describe('mysql (MariaDB)', () => {
    const my = (schema: string, name: string) => `mysql://def.${schema}/${name}`;

    it('a connection that fails is exit 2, nothing sent, the password masked', async () => {
      expect((await stack.run(['mysql', '--help'])).output).toContain('usage: npm run ingest -- mysql [URL] [options]');
      const noUrl = await stack.run(['mysql', '--cluster', 'eu1'], { INGEST_DATABASE_URL: ' ' });
      expect([noUrl.code, noUrl.output]).toEqual([2, expect.stringContaining('no URL given: give it, or set INGEST_DATABASE_URL')]);
      const before = await newestAudit();
      const refused = await stack.run(['mysql', mariadb.url.replace(':secret@', ':Not-The-Password-42@')]);
      expect(refused.code).toBe(2);
      expect(refused.output).toContain(`ingest: nothing sent: cannot read mysql://fram:***@127.0.0.1:${mariadb.port}/db: Access denied`);
      expect(refused.output).not.toContain('Not-The-Password-42');
      expect(await newestAudit()).toBe(before);
    });

    it('imports what the patterns name: tables, views, columns with types, order and comments, TABLE_ROWS and UPDATE_TIME', async () => {
      const dry = await stack.run(['mysql', mariadb.url, '--dry-run']);
      expect(dry.output).toContain(`Read 5 tables and 1 view from mysql://fram:***@127.0.0.1:${mariadb.port}/db (10.11.`);
      expect(dry.output).toContain('"Odd Schema.a/b": left out: its name has a "/"');
      expect(dry.output).toContain('Dry run: would send 6 tables; nothing sent');

      const { code, output } = await stack.run(['mysql', mariadb.url, '--include-schemas', 'shop,Odd*', '--exclude-tables', 'shop.*_tmp']);
      expect(output).toContain('Read 3 tables and 1 view from mysql://fram:***@');
      expect(output).not.toContain(':secret@');
      expect(code).toBe(0);

      const orders = await found(my('shop', 'orders'));
      expect(orders).toMatchObject({ is_view: false, description: 'One row per order' });
      expect(columns(orders)).toEqual([
        { name: 'id', col_type: 'bigint(20) unsigned', sort_order: 1, description: null },
        { name: 'customer_id', col_type: 'int(11)', sort_order: 2, description: null },
        { name: 'total', col_type: 'decimal(10,2)', sort_order: 3, description: 'In euros' },
        { name: 'placed_at', col_type: 'datetime', sort_order: 4, description: null },
      ]);
      expect(orders.programmatic_descriptions).toEqual([
        { source: 'mysql', text: expect.stringMatching(/^About [\d,]+ rows \(MariaDB's estimate\)\.$/) },
      ]);
      const estimate = Number(/About ([\d,]+)/.exec(orders.programmatic_descriptions[0].text)?.[1].replace(/,/g, ''));
      expect(estimate).toBeGreaterThan(500);
      expect(estimate).toBeLessThan(2000);
      // InnoDB's UPDATE_TIME: the last change since the server started (the inserts above).
      expect(orders.last_updated_timestamp).toBeGreaterThanOrEqual(filled - 1);

      const view = await found(my('shop', 'big_orders'));
      expect(view).toMatchObject({ is_view: true, description: null, programmatic_descriptions: [] });
      expect(columns(view).map((c) => `${c.name} ${c.col_type}`)).toEqual(['id bigint(20) unsigned', 'total decimal(10,2)']);
      expect(columns(await found(my('Odd Schema', 'Mixed Case "Quoted" Ünïcode')))).toEqual([
        { name: 'v', col_type: 'int(11)', sort_order: 1, description: null },
      ]);
      expect((await table(my('shop', 'orders_tmp'))).status).toBe(404);
      expect((await table(my('hr', 'people'))).status).toBe(404);
    });

    it('a run under another cluster would remove every earlier table: refused over --max-removal, removed when allowed', async () => {
      // The URL from INGEST_DATABASE_URL: its password is not on the command line (ps), nor in the output.
      const fromEnv = await stack.run(['mysql', '--cluster', 'eu1', '--database', 'mariadb'], { INGEST_DATABASE_URL: mariadb.url });
      expect(fromEnv.output).toContain(`as mysql:127.0.0.1:${mariadb.port}/db`);
      expect(fromEnv.output).toMatch(
        /would remove 4 of the 4 records its source held before the run \(100%\), more than max_removed_percent 50%/,
      );
      expect(fromEnv.output).toContain('If these removals are meant, run again with a higher --max-removal');
      expect(fromEnv.code).toBe(1);
      expect((await table(my('shop', 'orders'))).status).toBe(200);
      const dry = await stack.run(['mysql', mariadb.url, '--cluster', 'eu1', '--database', 'mariadb', '--dry-run', '--max-removal', '100']);
      expect(dry.output).toContain('  tables: would add 0, change 0, leave 6 unchanged, remove 4');
      expect(dry.output).toContain(`    remove ${my('shop', 'orders')}`);
      const allowed = await stack.run(['mysql', mariadb.url, '--cluster', 'eu1', '--database', 'mariadb', '--max-removal', '100']);
      expect(allowed.output).toContain('; removed 4 tables no longer in mysql:');
      expect(allowed.code).toBe(0);
      expect((await table(my('shop', 'orders'))).status).toBe(404);
      expect(fromEnv.output).toContain(`from mysql://fram:***@127.0.0.1:${mariadb.port}/db`);
      expect(fromEnv.output).not.toContain(':secret@');
      const people = await found('mariadb://eu1.hr/people');
      expect(columns(people)).toEqual([
        { name: 'id', col_type: 'int(11)', sort_order: 1, description: null },
        { name: 'Full Name', col_type: 'text', sort_order: 2, description: 'As on the passport' },
      ]);
      const keys = [
        'mariadb://eu1.shop/orders',
        'mariadb://eu1.shop/customers',
        'mariadb://eu1.shop/big_orders',
        'mariadb://eu1.hr/people',
      ];
      const first = await Promise.all(keys.map(found));
      expect((await stack.run(['mysql', mariadb.url, '--cluster', 'eu1', '--database', 'mariadb'])).code).toBe(0);
      expect(await Promise.all(keys.map(found))).toEqual(first);
    });
  });
});
