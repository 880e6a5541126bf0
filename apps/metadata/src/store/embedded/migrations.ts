import type Database from 'better-sqlite3';

/**
 * The embedded store's schema, one step per version (PRAGMA user_version).
 * Steps are only ever appended: a released step never changes.
 */
const STEPS: readonly string[] = [
  `
  CREATE TABLE tables (
    key TEXT PRIMARY KEY,
    database TEXT NOT NULL,
    cluster TEXT NOT NULL,
    schema TEXT NOT NULL,
    name TEXT NOT NULL,
    is_view INTEGER NOT NULL DEFAULT 0,
    description TEXT,
    last_updated_ts INTEGER
  );
  CREATE TABLE columns (
    table_key TEXT NOT NULL REFERENCES tables(key) ON DELETE CASCADE,
    name TEXT NOT NULL,
    col_type TEXT NOT NULL,
    sort_order INTEGER NOT NULL,
    description TEXT,
    PRIMARY KEY (table_key, name)
  );
  CREATE TABLE users (
    key TEXT PRIMARY KEY,
    data TEXT NOT NULL,
    is_active INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
  );
  CREATE TABLE tags (
    resource_type TEXT NOT NULL, resource_key TEXT NOT NULL, tag_name TEXT NOT NULL, tag_type TEXT NOT NULL,
    PRIMARY KEY (resource_type, resource_key, tag_name)
  );
  CREATE TABLE badges (
    resource_type TEXT NOT NULL, resource_key TEXT NOT NULL, badge_name TEXT NOT NULL, category TEXT NOT NULL,
    PRIMARY KEY (resource_type, resource_key, badge_name, category)
  );
  CREATE TABLE owners (
    resource_type TEXT NOT NULL, resource_key TEXT NOT NULL, user_key TEXT NOT NULL,
    PRIMARY KEY (resource_type, resource_key, user_key)
  );
  CREATE INDEX owners_by_user ON owners (user_key);
  CREATE TABLE follows (
    user_key TEXT NOT NULL, resource_type TEXT NOT NULL, resource_key TEXT NOT NULL,
    PRIMARY KEY (user_key, resource_type, resource_key)
  );
  CREATE TABLE reads (
    user_key TEXT NOT NULL, resource_type TEXT NOT NULL, resource_key TEXT NOT NULL, read_count INTEGER NOT NULL,
    PRIMARY KEY (user_key, resource_type, resource_key)
  );
  CREATE INDEX reads_by_resource ON reads (resource_type, resource_key, read_count DESC);
  CREATE TABLE audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at INTEGER NOT NULL, actor TEXT NOT NULL, action TEXT NOT NULL,
    resource_type TEXT NOT NULL, resource_key TEXT NOT NULL, detail TEXT NOT NULL
  );
  CREATE TABLE meta (name TEXT PRIMARY KEY, value TEXT NOT NULL);
  `,
  `
  CREATE TABLE lineage (
    upstream_key TEXT NOT NULL, downstream_key TEXT NOT NULL,
    PRIMARY KEY (upstream_key, downstream_key)
  );
  CREATE INDEX lineage_by_downstream ON lineage (downstream_key);
  CREATE TABLE dashboards (
    key TEXT PRIMARY KEY,
    product TEXT NOT NULL, cluster TEXT NOT NULL, group_name TEXT NOT NULL, group_url TEXT NOT NULL,
    name TEXT NOT NULL, url TEXT NOT NULL, description TEXT,
    created_timestamp INTEGER, last_successful_run_timestamp INTEGER,
    chart_names TEXT NOT NULL
  );
  CREATE TABLE dashboard_tables (
    dashboard_key TEXT NOT NULL REFERENCES dashboards(key) ON DELETE CASCADE, table_key TEXT NOT NULL,
    PRIMARY KEY (dashboard_key, table_key)
  );
  CREATE INDEX dashboard_tables_by_table ON dashboard_tables (table_key);
  `,
  // Tables as Amundsen's TableSchema has them: what programs wrote about them (JSON lists), column stats,
  // nested column types, and column lineage.
  `
  ALTER TABLE tables ADD COLUMN programmatic_descriptions TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE tables ADD COLUMN watermarks TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE tables ADD COLUMN producing_apps TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE tables ADD COLUMN consuming_apps TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE tables ADD COLUMN source TEXT;
  ALTER TABLE tables ADD COLUMN resource_reports TEXT NOT NULL DEFAULT '[]';
  ALTER TABLE columns ADD COLUMN stats TEXT NOT NULL DEFAULT '[]';
  CREATE TABLE type_metadata (
    key TEXT PRIMARY KEY,
    table_key TEXT NOT NULL, column_name TEXT NOT NULL, parent_key TEXT,
    kind TEXT NOT NULL, name TEXT NOT NULL, data_type TEXT NOT NULL, sort_order INTEGER NOT NULL, description TEXT,
    FOREIGN KEY (table_key, column_name) REFERENCES columns(table_key, name) ON DELETE CASCADE
  );
  CREATE INDEX type_metadata_by_column ON type_metadata (table_key, column_name);
  CREATE TABLE column_lineage (
    upstream_key TEXT NOT NULL, downstream_key TEXT NOT NULL,
    PRIMARY KEY (upstream_key, downstream_key)
  );
  CREATE INDEX column_lineage_by_downstream ON column_lineage (downstream_key);
  `,
  // ML features (databuilder's Feature with its Feature_Group, databases, descriptions, watermarks and
  // generation code; JSON lists) and feature-to-feature lineage. Their tags, badges, owners, bookmarks and
  // reads are the shared tables' with resource_type 'feature'.
  `
  CREATE TABLE features (
    key TEXT PRIMARY KEY,
    feature_group TEXT NOT NULL, name TEXT NOT NULL, version TEXT NOT NULL,
    status TEXT, entity TEXT, data_type TEXT,
    availability TEXT NOT NULL DEFAULT '[]',
    description TEXT,
    programmatic_descriptions TEXT NOT NULL DEFAULT '[]',
    watermarks TEXT NOT NULL DEFAULT '[]',
    generation_code TEXT,
    created_timestamp INTEGER, last_updated_timestamp INTEGER
  );
  CREATE INDEX features_by_group ON features (feature_group, name, version);
  CREATE TABLE feature_lineage (
    upstream_key TEXT NOT NULL, downstream_key TEXT NOT NULL,
    PRIMARY KEY (upstream_key, downstream_key)
  );
  CREATE INDEX feature_lineage_by_downstream ON feature_lineage (downstream_key);
  `,
  // Dashboards as Amundsen's DashboardSchema has them: when they were changed, their last run (whatever came of
  // it), and their queries with the names of their charts (a JSON list each).
  `
  ALTER TABLE dashboards ADD COLUMN updated_timestamp INTEGER;
  ALTER TABLE dashboards ADD COLUMN last_run_timestamp INTEGER;
  ALTER TABLE dashboards ADD COLUMN last_run_state TEXT;
  CREATE TABLE dashboard_queries (
    dashboard_key TEXT NOT NULL REFERENCES dashboards(key) ON DELETE CASCADE,
    id TEXT NOT NULL, sort_order INTEGER NOT NULL, name TEXT, url TEXT, query_text TEXT,
    chart_names TEXT NOT NULL DEFAULT '[]',
    PRIMARY KEY (dashboard_key, id)
  );
  `,
  // Bulletins: the home page's announcements (Amundsen's Post) and notices about resources (by key; the payload
  // a JSON object of texts). AUTOINCREMENT: an id is never given again, even after its bulletin is removed.
  `
  CREATE TABLE announcements (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    date TEXT NOT NULL, title TEXT NOT NULL, html_content TEXT NOT NULL
  );
  CREATE INDEX announcements_by_date ON announcements (date DESC, id DESC);
  CREATE TABLE notices (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    resource_uri TEXT NOT NULL, severity TEXT NOT NULL, message TEXT NOT NULL, payload TEXT
  );
  CREATE INDEX notices_by_resource ON notices (resource_uri, id);
  `,
  // Descriptions many resources share: a schema's (`{database}://{cluster}.{schema}`, databuilder's SchemaModel),
  // shared by its tables, and a dashboard group's (`{product}_dashboard://{cluster}.{group id}`), by its dashboards.
  `
  CREATE TABLE schema_descriptions (key TEXT PRIMARY KEY, description TEXT NOT NULL);
  CREATE TABLE dashboard_group_descriptions (key TEXT PRIMARY KEY, description TEXT NOT NULL);
  `,
  // Dashboards written before their last run was kept: until then their last run was their last successful run.
  `
  UPDATE dashboards SET last_run_timestamp = last_successful_run_timestamp, last_run_state = 'succeeded'
  WHERE last_run_timestamp IS NULL AND last_successful_run_timestamp IS NOT NULL;
  `,
  // What people edit apart from what ingestion writes, so a re-run keeps people's work: a description a person
  // edited (description_edited) with the last ingested text kept apart, and tags, badges and owners a person added
  // (by_hand). What is already there was written by ingestion as far as anyone knows: its text is the ingested one.
  `
  ALTER TABLE tables ADD COLUMN description_edited INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE tables ADD COLUMN ingested_description TEXT;
  UPDATE tables SET ingested_description = description;
  ALTER TABLE columns ADD COLUMN description_edited INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE columns ADD COLUMN ingested_description TEXT;
  UPDATE columns SET ingested_description = description;
  ALTER TABLE dashboards ADD COLUMN description_edited INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE dashboards ADD COLUMN ingested_description TEXT;
  UPDATE dashboards SET ingested_description = description;
  ALTER TABLE features ADD COLUMN description_edited INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE features ADD COLUMN ingested_description TEXT;
  UPDATE features SET ingested_description = description;
  ALTER TABLE type_metadata ADD COLUMN description_edited INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE type_metadata ADD COLUMN ingested_description TEXT;
  UPDATE type_metadata SET ingested_description = description;
  ALTER TABLE tags ADD COLUMN by_hand INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE badges ADD COLUMN by_hand INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE owners ADD COLUMN by_hand INTEGER NOT NULL DEFAULT 0;
  `,
  // Source runs and each source's ledger of what it sent (kind, key, fingerprint, last run), so a source's re-run
  // removes what it no longer sends. first_run: the run that first sent it (what the source held before a run).
  `
  CREATE TABLE ingest_runs (id TEXT PRIMARY KEY, source TEXT NOT NULL, started_at INTEGER NOT NULL, finished_at INTEGER);
  CREATE INDEX ingest_runs_by_source ON ingest_runs (source, started_at);
  CREATE TABLE ingest_records (
    source TEXT NOT NULL, kind TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, run TEXT NOT NULL, first_run TEXT NOT NULL,
    PRIMARY KEY (source, kind, key)
  );
  CREATE INDEX ingest_records_by_key ON ingest_records (kind, key);
  `,
];

export const SCHEMA_VERSION = STEPS.length;

/**
 * Brings the database to the current schema (or, for tests of a migration, to an older `version`); refuses a
 * database from a newer Fram.
 */
export function migrate(db: Database.Database, version = STEPS.length): void {
  // One step per IMMEDIATE transaction, the version read inside it: two processes opening the same
  // file at once (replicas, a restart racing the old process) take turns instead of both running a step.
  for (;;) {
    const done = db
      .transaction(() => {
        const current = Number(db.pragma('user_version', { simple: true }));
        if (current > STEPS.length) {
          throw new Error(`The metadata database has schema version ${current}, newer than this Fram (${STEPS.length}); upgrade Fram.`);
        }
        if (current >= version) return true;
        db.exec(STEPS[current]);
        db.pragma(`user_version = ${current + 1}`);
        return false;
      })
      .immediate();
    if (done) return;
  }
}
