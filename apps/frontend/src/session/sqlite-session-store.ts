import { Logger } from '@nestjs/common';
import Database from 'better-sqlite3';
import session from 'express-session';
import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import type { CheckResult } from '@fram/service';
import { SessionsUnavailableError } from './sessions-unavailable';

type Callback<T = void> = (err?: unknown, value?: T) => void;

/**
 * express-session's store on SQLite: sessions survive restarts of a single
 * frontend. Expired sessions are never returned and are swept hourly.
 * A session that cannot be kept is an error (SessionsUnavailableError), never
 * a silent loss: writes are refused once the file at the path is not the one
 * opened (deleted or replaced: they would be gone at the next start), and
 * SQLite's errors become SessionsUnavailableError.
 */
export class SqliteSessionStore extends session.Store {
  private readonly db: Database.Database;
  private readonly sweeper: NodeJS.Timeout;
  private readonly q: Record<'get' | 'set' | 'destroy' | 'touch' | 'sweep', Database.Statement>;
  private readonly logger = new Logger('SessionStore');
  /** The opened file (device and inode), compared with the one at the path before and inside each write. */
  private readonly opened: FileIdentity | undefined;

  constructor(
    private readonly file: string,
    private readonly defaultTtlMs = 8 * 3600 * 1000,
  ) {
    super();
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.opened = file === ':memory:' ? undefined : identity(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL'); // durable across process crashes; a power cut may lose the last sign-ins
    this.db.exec('CREATE TABLE IF NOT EXISTS sessions (sid TEXT PRIMARY KEY, data TEXT NOT NULL, expires INTEGER NOT NULL)');
    this.q = {
      get: this.db.prepare('SELECT data FROM sessions WHERE sid = ? AND expires > ?'),
      set: this.db.prepare(
        'INSERT INTO sessions (sid, data, expires) VALUES (?, ?, ?) ON CONFLICT (sid) DO UPDATE SET data = excluded.data, expires = excluded.expires',
      ),
      destroy: this.db.prepare('DELETE FROM sessions WHERE sid = ?'),
      // A touch within a minute of the last one changes nothing (no write on every request).
      touch: this.db.prepare('UPDATE sessions SET expires = ? WHERE sid = ? AND expires < ?'),
      sweep: this.db.prepare('DELETE FROM sessions WHERE expires <= ?'),
    };
    this.sweeper = setInterval(() => {
      try {
        this.write(() => this.q.sweep.run(Date.now()));
      } catch {
        // reported by the health check and by every sign-in
      }
    }, 3600 * 1000);
    this.sweeper.unref();
  }

  override get(sid: string, cb: Callback<session.SessionData | null>): void {
    try {
      const row = this.q.get.get(sid, Date.now()) as { data: string } | undefined;
      cb(null, row ? (JSON.parse(row.data) as session.SessionData) : null);
    } catch (error) {
      cb(this.unavailable(error));
    }
  }

  override set(sid: string, data: session.SessionData, cb?: Callback): void {
    try {
      this.write(() => this.q.set.run(sid, JSON.stringify(data), this.expiry(data)));
      cb?.();
    } catch (error) {
      cb?.(this.unavailable(error));
    }
  }

  override destroy(sid: string, cb?: Callback): void {
    try {
      this.write(() => this.q.destroy.run(sid));
      cb?.();
    } catch (error) {
      cb?.(this.unavailable(error));
    }
  }

  override touch(sid: string, data: session.SessionData, cb?: Callback): void {
    try {
      const expires = this.expiry(data);
      this.write(() => this.q.touch.run(expires, sid, expires - 60_000));
      cb?.();
    } catch (error) {
      cb?.(this.unavailable(error));
    }
  }

  /** Fails while sessions cannot be kept: the file moved, or SQLite refuses a write (rolled back, nothing kept). */
  health(): CheckResult {
    try {
      this.write(() => {
        this.q.set.run('health-probe', '{}', 0);
        throw ROLLED_BACK;
      });
      return { status: 'ok' };
    } catch (error) {
      if (error === ROLLED_BACK) return { status: 'ok' };
      return { status: 'fail', message: this.unavailable(error).message };
    }
  }

  close(): void {
    clearInterval(this.sweeper);
    if (this.db.open) this.db.close();
  }

  /** Runs a write in a transaction that commits only while the path still holds the opened file. */
  private write<T>(apply: () => T): T {
    return this.db.transaction(() => {
      this.assertFileKept();
      const result = apply();
      this.assertFileKept();
      return result;
    })();
  }

  private assertFileKept(): void {
    if (!this.opened) return;
    const now = identity(this.file);
    if (now?.dev !== this.opened.dev || now.ino !== this.opened.ino) {
      throw new SessionsUnavailableError('the session file was deleted or replaced; restore it and restart the frontend');
    }
  }

  private unavailable(error: unknown): SessionsUnavailableError {
    if (error instanceof SessionsUnavailableError) return error;
    this.logger.error(`The session store failed: ${error instanceof Error ? error.message : String(error)}`);
    return new SessionsUnavailableError();
  }

  private expiry(data: session.SessionData): number {
    const expires = data.cookie?.expires;
    return expires ? new Date(expires).getTime() : Date.now() + this.defaultTtlMs;
  }
}

/** Thrown inside a transaction to roll it back; caught right outside it. */
class RolledBack extends Error {}
const ROLLED_BACK = new RolledBack('rolled back');

type FileIdentity = { dev: number; ino: number };

function identity(path: string): FileIdentity | undefined {
  try {
    const { dev, ino } = statSync(path);
    return { dev, ino };
  } catch {
    return undefined;
  }
}
