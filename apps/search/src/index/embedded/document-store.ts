import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { IndexedResourceType } from '@fram/models';

/**
 * Where the embedded index keeps its documents between restarts: one SQLite
 * file. The in-memory index is rebuilt from it at start.
 */
export class DocumentStore {
  private readonly db: Database.Database;
  private readonly upsertStatement: Database.Statement;
  private readonly removeStatement: Database.Statement;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS documents (type TEXT NOT NULL, key TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (type, key))',
    );
    this.upsertStatement = this.db.prepare(
      'INSERT INTO documents (type, key, body) VALUES (?, ?, ?) ON CONFLICT (type, key) DO UPDATE SET body = excluded.body',
    );
    this.removeStatement = this.db.prepare('DELETE FROM documents WHERE type = ? AND key = ?');
  }

  *all(type: IndexedResourceType): Generator<unknown> {
    for (const row of this.db.prepare('SELECT body FROM documents WHERE type = ? ORDER BY rowid').iterate(type)) {
      yield JSON.parse((row as { body: string }).body) as unknown;
    }
  }

  upsert(type: IndexedResourceType, documents: readonly { key: string }[]): void {
    this.db.transaction(() => {
      for (const doc of documents) this.upsertStatement.run(type, doc.key, JSON.stringify(doc));
    })();
  }

  remove(type: IndexedResourceType, keys: readonly string[]): void {
    this.db.transaction(() => {
      for (const key of keys) this.removeStatement.run(type, key);
    })();
  }

  ping(): void {
    this.db.prepare('SELECT 1').get();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }
}
