import Database from 'better-sqlite3';
import session from 'express-session';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

type Callback<T = void> = (err?: unknown, value?: T) => void;

/**
 * express-session's store on SQLite: sessions survive restarts of a single
 * frontend. Expired sessions are never returned and are swept hourly.
 */
export class SqliteSessionStore extends session.Store {
  private readonly db: Database.Database;
  private readonly sweeper: NodeJS.Timeout;
  private readonly q: Record<'get' | 'set' | 'destroy' | 'touch' | 'sweep', Database.Statement>;

  constructor(file: string, private readonly defaultTtlMs = 8 * 3600 * 1000) {
    super();
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL'); // durable across process crashes; a power cut may lose the last sign-ins
    this.db.exec('CREATE TABLE IF NOT EXISTS sessions (sid TEXT PRIMARY KEY, data TEXT NOT NULL, expires INTEGER NOT NULL)');
    this.q = {
      get: this.db.prepare('SELECT data FROM sessions WHERE sid = ? AND expires > ?'),
      set: this.db.prepare('INSERT INTO sessions (sid, data, expires) VALUES (?, ?, ?) ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires = excluded.expires'),
      destroy: this.db.prepare('DELETE FROM sessions WHERE sid = ?'),
      // A touch within a minute of the last one changes nothing (no write on every request).
      touch: this.db.prepare('UPDATE sessions SET expires = ? WHERE sid = ? AND expires < ?'),
      sweep: this.db.prepare('DELETE FROM sessions WHERE expires <= ?'),
    };
    this.sweeper = setInterval(() => this.q.sweep.run(Date.now()), 3600 * 1000);
    this.sweeper.unref();
  }

  override get(sid: string, cb: Callback<session.SessionData | null>): void {
    try {
      const row = this.q.get.get(sid, Date.now()) as { data: string } | undefined;
      cb(null, row ? (JSON.parse(row.data) as session.SessionData) : null);
    } catch (error) {
      cb(error);
    }
  }

  override set(sid: string, data: session.SessionData, cb?: Callback): void {
    try {
      this.q.set.run(sid, JSON.stringify(data), this.expiry(data));
      cb?.();
    } catch (error) {
      cb?.(error);
    }
  }

  override destroy(sid: string, cb?: Callback): void {
    try {
      this.q.destroy.run(sid);
      cb?.();
    } catch (error) {
      cb?.(error);
    }
  }

  override touch(sid: string, data: session.SessionData, cb?: Callback): void {
    try {
      const expires = this.expiry(data);
      this.q.touch.run(expires, sid, expires - 60_000);
      cb?.();
    } catch (error) {
      cb?.(error);
    }
  }

  close(): void {
    clearInterval(this.sweeper);
    if (this.db.open) this.db.close();
  }

  private expiry(data: session.SessionData): number {
    const expires = data.cookie?.expires;
    return expires ? new Date(expires).getTime() : Date.now() + this.defaultTtlMs;
  }
}
