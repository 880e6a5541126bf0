import { linkSync, mkdtempSync, unlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { normalizeUser } from '@fram/models';
import { describeStoreContracts } from '../contract/store.contract';
import { EmbeddedMetadataStore } from './embedded-metadata-store';
import { migrate, SCHEMA_VERSION } from './migrations';

const freshFile = () => join(mkdtempSync(join(tmpdir(), 'fram-metadata-')), 'metadata.sqlite');

/** A database file as an older Fram left it: its schema at `version`, then what `fill` writes into it. */
function oldDatabase(version: number, fill: (db: Database.Database) => void): string {
  const file = freshFile();
  const db = new Database(file);
  migrate(db, version);
  fill(db);
  db.close();
  return file;
}

/** Schema versions of released Fram: before the last run of dashboards was backfilled, before edits were kept apart. */
const BEFORE_RUN_BACKFILL = 7;
const BEFORE_EDITS_KEPT_APART = 8;

describeStoreContracts('embedded (SQLite file)', async () => new EmbeddedMetadataStore(freshFile()));

describe('EmbeddedMetadataStore', () => {
  it('keeps its data across restarts, in a file', async () => {
    const file = freshFile();
    const first = new EmbeddedMetadataStore(file);
    await first.upsertUser(normalizeUser({ email: 'ada@example.com' }), { actor: 't', at: 1 });
    await first.close();
    const second = new EmbeddedMetadataStore(file);
    expect(await second.getUser('ada@example.com')).toMatchObject({ email: 'ada@example.com' });
    await second.close();
  });

  it('migrates a new file to the current schema, and refuses a file from a newer Fram', async () => {
    const file = freshFile();
    await new EmbeddedMetadataStore(file).close();
    const db = new Database(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    expect(() => new EmbeddedMetadataStore(file)).toThrow(/newer than this Fram/);
  });

  it('reads tables and columns written before it kept what programs write about them (their rows get the defaults)', async () => {
    const file = freshFile();
    await new EmbeddedMetadataStore(file).close();
    const db = new Database(file);
    db.prepare(
      "INSERT INTO tables (key, database, cluster, schema, name) VALUES ('hive://gold.core/old', 'hive', 'gold', 'core', 'old')",
    ).run();
    db.prepare("INSERT INTO columns (table_key, name, col_type, sort_order) VALUES ('hive://gold.core/old', 'id', 'int', 0)").run();
    db.close();
    const store = new EmbeddedMetadataStore(file);
    expect(await store.getTable('hive://gold.core/old')).toMatchObject({
      programmatic_descriptions: [],
      watermarks: [],
      producing_apps: [],
      consuming_apps: [],
      source: null,
      resource_reports: [],
      columns: [{ name: 'id', badges: [], stats: [], type_metadata: null }],
    });
    await store.close();
  });

  it('gives dashboards written before it kept their last run the last successful run as their last run', async () => {
    // Dashboards written before their last run was kept have none, whatever their last successful run.
    const file = oldDatabase(BEFORE_RUN_BACKFILL, (db) => {
      const insert = db.prepare(
        `INSERT INTO dashboards (key, product, cluster, group_name, group_url, name, url, chart_names,
           last_successful_run_timestamp, last_run_timestamp, last_run_state)
         VALUES (@key, 'mode', 'gold', 'Sales', 'https://mode.example/g', @key, 'https://mode.example/d', '[]', @ok, @run, @state)`,
      );
      insert.run({ key: 'mode_dashboard://gold.sales/old', ok: 1_700_000_000, run: null, state: null });
      insert.run({ key: 'mode_dashboard://gold.sales/never', ok: null, run: null, state: null });
      insert.run({ key: 'mode_dashboard://gold.sales/failed', ok: 1_700_000_000, run: 1_700_000_500, state: 'failed' });
    });

    const store = new EmbeddedMetadataStore(file);
    expect(await store.getDashboard('mode_dashboard://gold.sales/old')).toMatchObject({
      last_successful_run_timestamp: 1_700_000_000,
      last_run_timestamp: 1_700_000_000,
      last_run_state: 'succeeded',
    });
    expect(await store.getDashboard('mode_dashboard://gold.sales/never')).toMatchObject({
      last_successful_run_timestamp: null,
      last_run_timestamp: null,
      last_run_state: null,
    });
    expect(await store.getDashboard('mode_dashboard://gold.sales/failed')).toMatchObject({
      last_run_timestamp: 1_700_000_500,
      last_run_state: 'failed',
    });
    await store.close();
  });

  it('opens a database from before edits were kept apart with all its data, which counts as ingested', async () => {
    const key = 'hive://gold.core/old';
    const file = oldDatabase(BEFORE_EDITS_KEPT_APART, (db) => {
      db.prepare(
        `INSERT INTO tables (key, database, cluster, schema, name, description) VALUES (?, 'hive', 'gold', 'core', 'old', 'Old rows.')`,
      ).run(key);
      db.prepare(`INSERT INTO columns (table_key, name, col_type, sort_order, description) VALUES (?, 'id', 'int', 0, 'The key')`).run(key);
      db.prepare(`INSERT INTO tags (resource_type, resource_key, tag_name, tag_type) VALUES ('table', ?, 'legacy', 'default')`).run(key);
      db.prepare(`INSERT INTO badges (resource_type, resource_key, badge_name, category) VALUES ('column', ?, 'pii', 'column')`).run(
        `${key}/id`,
      );
      db.prepare(`INSERT INTO owners (resource_type, resource_key, user_key) VALUES ('table', ?, 'ada@example.com')`).run(key);
    });
    const store = new EmbeddedMetadataStore(file);
    expect(await store.getTable(key)).toMatchObject({
      description: 'Old rows.',
      programmatic_descriptions: [],
      columns: [{ name: 'id', description: 'The key', badges: [{ badge_name: 'pii', category: 'column' }] }],
      tags: [{ tag_name: 'legacy', tag_type: 'default' }],
      owners: ['ada@example.com'],
    });
    // A person's edit is kept apart from the text it had, which was ingested.
    await store.setTableDescription(key, 'Rows from before.', { actor: 'grace@example.com', at: 1 });
    expect((await store.getTable(key))!.programmatic_descriptions).toEqual([{ source: 'ingested', text: 'Old rows.' }]);
    // What it had was ingested: a re-ingest's lists replace it.
    const record = { database: 'hive', cluster: 'gold', schema: 'core', name: 'old', description: 'Old rows.' };
    await store.upsertTables([{ ...record, columns: [{ name: 'id', col_type: 'int' }], tags: [], owners: [] }], { actor: 't', at: 2 });
    expect(await store.getTable(key)).toMatchObject({
      description: 'Rows from before.',
      columns: [{ name: 'id', description: null, badges: [] }],
      tags: [],
      owners: [],
    });
    await store.close();
  });

  it('probes writes on health checks with a write that is rolled back, also after a failed write, and is ok again once one succeeds', async () => {
    const file = freshFile();
    const store = new EmbeddedMetadataStore(file);
    await store.upsertTables([{ database: 'hive', cluster: 'gold', schema: 'core', name: 'orders' }], { actor: 't', at: 1 });
    // The file goes away for a while and comes back (the same file, through a second link): a write fails meanwhile.
    const kept = `${file}.kept`;
    linkSync(file, kept);
    unlinkSync(file);
    await expect(
      store.upsertTables([{ database: 'hive', cluster: 'gold', schema: 'core', name: 'lost' }], { actor: 't', at: 2 }),
    ).rejects.toMatchObject({
      code: 'store_unavailable',
    });
    await expect(store.health()).resolves.toMatchObject({ status: 'fail', code: 'store_unavailable' });
    linkSync(kept, file);

    await expect(store.health()).resolves.toEqual({ status: 'ok' });
    await expect(store.health()).resolves.toEqual({ status: 'ok' });
    await store.close();
    const db = new Database(file, { readonly: true });
    expect(db.prepare("SELECT value FROM meta WHERE name = 'health_probe'").get()).toBeUndefined();
    db.close();
  });
});
