import type Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import {
  type FinishedIngestRun,
  type IngestKindCounts,
  type IngestRecordKind,
  type IngestRecords,
  type IngestRun,
  type IngestSources,
} from '@fram/models';
import type { Edit } from '../ports/edit';
import type { FinishIngestRunRefusal, IngestLedgerEntry, IngestRunRefusal } from '../ports/ingest-ledger';
import { countKeys, exceedsLimit, keysByKind, removalAudits, removalOrder, zeroCounts } from '../ingest-removals';

type Row = Record<string, unknown>;

/**
 * The embedded store's source runs and ledger (`ingest_runs`, `ingest_records`), on its SQLite connection, and
 * the removal of what a finished run no longer sent. Writes run inside EmbeddedMetadataStore's transactions and
 * add their own audit entries.
 */
export class EmbeddedIngestLedger {
  private readonly q: ReturnType<typeof prepare>;

  constructor(db: Database.Database) {
    this.q = prepare(db);
  }

  start(source: string, edit: Edit): IngestRun {
    const run: IngestRun = { run: randomUUID(), source, started_at: edit.at, finished_at: null };
    this.q.insertRun.run(run);
    this.audit(edit, 'start_ingest_run', run.run, { source });
    return run;
  }

  run(id: string): IngestRun | undefined {
    const row = this.q.run.get(id) as Row | undefined;
    return row && toRun(row);
  }

  record(id: string, kind: IngestRecordKind, entries: readonly IngestLedgerEntry[]): IngestRunRefusal | undefined {
    const run = this.run(id);
    if (!run) return { refused: 'unknown_run' };
    if (run.finished_at !== null) return { refused: 'finished' };
    for (const e of entries) this.q.record.run({ source: run.source, kind, key: e.key, fingerprint: e.fingerprint, run: id });
    return undefined;
  }

  /**
   * Finishes a run in the caller's transaction. Two finishes never interleave: SQLite transactions are
   * serializable (one writer at a time, and one that read before another's commit cannot then write), so a finish
   * never drops its source's entry on the strength of another source's entry that a concurrent finish drops.
   */
  finish(id: string, maxRemovedPercent: number | undefined, edit: Edit): FinishedIngestRun | FinishIngestRunRefusal {
    const run = this.run(id);
    if (!run) return { refused: 'unknown_run' };
    if (run.finished_at !== null) return { refused: 'finished' };
    const later = this.q.laterRun.get({ source: run.source, run: id }) as Row | undefined;
    if (later) return { refused: 'superseded', by: toRun(later) };
    const stale = (this.q.stale.all({ source: run.source, run: id }) as Row[])
      .map((r) => ({ kind: String(r['kind']) as IngestRecordKind, key: String(r['key']) }))
      .sort(removalOrder);
    const before = Number((this.q.countBefore.get({ source: run.source, run: id }) as Row)['n']);
    if (exceedsLimit(stale.length, before, maxRemovedPercent)) return { refused: 'too_many_removed', removing: stale.length, before };
    const released = zeroCounts();
    const gone = keysByKind();
    for (const { kind, key } of stale) {
      this.q.forget.run({ source: run.source, kind, key });
      if (this.q.heldElsewhere.get({ kind, key }) !== undefined) released[kind] += 1;
      else if (this.remove(kind, key)) gone[kind].push(key);
    }
    const removed = countKeys(gone);
    for (const entry of removalAudits(gone, { source: run.source, run: id })) {
      this.auditAs(edit, entry.action, entry.type, entry.key, entry.detail);
    }
    this.q.finishRun.run(edit.at, id);
    const kept = this.counts(run.source);
    this.audit(edit, 'finish_ingest_run', id, { source: run.source, removed, released, kept });
    return { ...run, finished_at: edit.at, removed, released, kept };
  }

  records(source: string, kind: IngestRecordKind, after: string | undefined, limit: number): IngestRecords {
    const rows = this.q.records.all({ source, kind, after: after ?? null, limit: limit + 1 }) as Row[];
    const records = rows
      .slice(0, limit)
      .map((r) => ({ key: String(r['key']), fingerprint: String(r['fingerprint']), run: String(r['run']) }));
    return { records, next: rows.length > limit ? records[records.length - 1].key : null };
  }

  sources(): IngestSources {
    return {
      sources: (this.q.sources.all() as Row[]).map((r) => {
        const source = String(r['source']);
        const latest = this.q.latestRun.get(source) as Row | undefined;
        return { source, records: this.counts(source), latest_run: latest ? toRun(latest) : null };
      }),
    };
  }

  private counts(source: string): IngestKindCounts {
    const counts = zeroCounts();
    for (const r of this.q.counts.all(source) as Row[]) counts[String(r['kind']) as IngestRecordKind] = Number(r['n']);
    return counts;
  }

  /** Removes the resource or edge of a ledger entry; answers whether there was one. */
  private remove(kind: IngestRecordKind, key: string): boolean {
    switch (kind) {
      case 'table':
        return this.removeTable(key);
      case 'dashboard':
        return this.removeResource('dashboard', key, this.q.deleteDashboard);
      case 'feature':
        this.q.deleteFeatureLineageOf.run({ key });
        return this.removeResource('feature', key, this.q.deleteFeature);
      default: {
        const [upstream, downstream] = JSON.parse(key) as [string, string];
        return this.q.deleteEdge[kind].run({ upstream, downstream }).changes > 0;
      }
    }
  }

  /** A table, with its columns and nested types (ON DELETE CASCADE) and all that names it or them by key. */
  private removeTable(key: string): boolean {
    const prefix = `${key}/`;
    this.q.deleteBadgesOfPrefix.run({ type: 'column', prefix });
    this.q.deleteBadgesOfPrefix.run({ type: 'type_metadata', prefix });
    this.q.deleteColumnLineageOfPrefix.run({ prefix });
    this.q.deleteTableLineageOf.run({ key });
    this.q.deleteDashboardTablesOf.run({ key });
    return this.removeResource('table', key, this.q.deleteTable);
  }

  /** A table, dashboard or feature row and its tags, badges, owners, bookmarks and reads. */
  private removeResource(type: 'table' | 'dashboard' | 'feature', key: string, deleteRow: Database.Statement): boolean {
    for (const statement of this.q.deleteOfResource) statement.run({ type, key });
    return deleteRow.run({ key }).changes > 0;
  }

  private audit(edit: Edit, action: string, run: string, detail: Record<string, unknown>): void {
    this.auditAs(edit, action, 'ingest_run', run, detail);
  }

  private auditAs(edit: Edit, action: string, type: string, key: string, detail: Record<string, unknown>): void {
    this.q.audit.run(edit.at, edit.actor, action, type, key, JSON.stringify(detail));
  }
}

function toRun(row: Row): IngestRun {
  return {
    run: String(row['id']),
    source: String(row['source']),
    started_at: Number(row['started_at']),
    finished_at: (row['finished_at'] as number | null) ?? null,
  };
}

/** The keys that start with `@prefix` (a table's columns and nested types: `{table key}/...`). */
const UNDER = (column: string) => `substr(${column}, 1, length(@prefix)) = @prefix`;

/** The creation order of the run whose id is in `column` (see laterRun). */
const RUN_ORDER = (column: string) => `(SELECT rowid FROM ingest_runs WHERE id = ${column})`;

function prepare(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    insertRun: p('INSERT INTO ingest_runs (id, source, started_at, finished_at) VALUES (@run, @source, @started_at, NULL)'),
    run: p('SELECT * FROM ingest_runs WHERE id = ?'),
    latestRun: p('SELECT * FROM ingest_runs WHERE source = ? ORDER BY started_at DESC, rowid DESC LIMIT 1'),
    // Runs are never deleted, so rowid grows with each run created: the order runs started in, to the millisecond and within it.
    laterRun: p(
      `SELECT * FROM ingest_runs WHERE source = @source AND rowid > (SELECT rowid FROM ingest_runs WHERE id = @run)
       ORDER BY rowid DESC LIMIT 1`,
    ),
    finishRun: p('UPDATE ingest_runs SET finished_at = ? WHERE id = ?'),
    record: p(
      `INSERT INTO ingest_records (source, kind, key, fingerprint, run, first_run) VALUES (@source, @kind, @key, @fingerprint, @run, @run)
       ON CONFLICT (source, kind, key) DO UPDATE SET fingerprint = excluded.fingerprint,
         run = CASE WHEN ${RUN_ORDER('ingest_records.run')} > ${RUN_ORDER('excluded.run')} THEN ingest_records.run ELSE excluded.run END`,
    ),
    stale: p('SELECT kind, key FROM ingest_records WHERE source = @source AND run != @run ORDER BY kind, key'),
    countBefore: p('SELECT COUNT(*) AS n FROM ingest_records WHERE source = @source AND first_run != @run'),
    forget: p('DELETE FROM ingest_records WHERE source = @source AND kind = @kind AND key = @key'),
    heldElsewhere: p('SELECT 1 FROM ingest_records WHERE kind = @kind AND key = @key LIMIT 1'),
    records: p(
      `SELECT key, fingerprint, run FROM ingest_records WHERE source = @source AND kind = @kind AND (@after IS NULL OR key > @after)
       ORDER BY key LIMIT @limit`,
    ),
    counts: p('SELECT kind, COUNT(*) AS n FROM ingest_records WHERE source = ? GROUP BY kind'),
    sources: p('SELECT DISTINCT source FROM ingest_runs ORDER BY source'),
    deleteTable: p('DELETE FROM tables WHERE key = @key'),
    deleteDashboard: p('DELETE FROM dashboards WHERE key = @key'),
    deleteFeature: p('DELETE FROM features WHERE key = @key'),
    deleteOfResource: ['tags', 'badges', 'owners', 'follows', 'reads'].map((table) =>
      p(`DELETE FROM ${table} WHERE resource_type = @type AND resource_key = @key`),
    ),
    deleteBadgesOfPrefix: p(`DELETE FROM badges WHERE resource_type = @type AND ${UNDER('resource_key')}`),
    deleteTableLineageOf: p('DELETE FROM lineage WHERE upstream_key = @key OR downstream_key = @key'),
    deleteColumnLineageOfPrefix: p(`DELETE FROM column_lineage WHERE ${UNDER('upstream_key')} OR ${UNDER('downstream_key')}`),
    deleteFeatureLineageOf: p('DELETE FROM feature_lineage WHERE upstream_key = @key OR downstream_key = @key'),
    deleteDashboardTablesOf: p('DELETE FROM dashboard_tables WHERE table_key = @key'),
    deleteEdge: {
      lineage: p('DELETE FROM lineage WHERE upstream_key = @upstream AND downstream_key = @downstream'),
      column_lineage: p('DELETE FROM column_lineage WHERE upstream_key = @upstream AND downstream_key = @downstream'),
      feature_lineage: p('DELETE FROM feature_lineage WHERE upstream_key = @upstream AND downstream_key = @downstream'),
    },
    audit: p('INSERT INTO audit (at, actor, action, resource_type, resource_key, detail) VALUES (?, ?, ?, ?, ?, ?)'),
  };
}
