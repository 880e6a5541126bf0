import { statSync } from 'node:fs';
import { StoreUnavailableError } from '../store-errors';

/**
 * The SQLite file as it was opened. A connection keeps writing into its open
 * file after the path was deleted or given another file, and every such
 * change is gone at the next start; so the path is compared with the opened
 * file (device and inode, one stat) before and inside every write and on
 * health checks.
 *
 * The store is not reopened on the file now at the path: it may be an older
 * copy, and the search feed's position and the caches belong to the old one.
 * Changes are refused until an operator restores the file and restarts.
 */
export class DatabaseFile {
  private readonly opened: { dev: number; ino: number } | undefined;

  constructor(readonly path: string) {
    this.opened = path === ':memory:' ? undefined : identity(path);
  }

  /** Why changes written now would not be kept in the file at the path, if they would not. */
  problem(): StoreUnavailableError | undefined {
    if (!this.opened) return undefined;
    const now = identity(this.path);
    if (now?.dev === this.opened.dev && now.ino === this.opened.ino) return undefined;
    return new StoreUnavailableError(
      'store_unavailable',
      `The metadata database file was ${now ? 'replaced' : 'deleted'} while the service was running, so changes are refused (none would be kept). Restore the file and restart the metadata service.`,
    );
  }
}

function identity(path: string): { dev: number; ino: number } | undefined {
  try {
    const { dev, ino } = statSync(path);
    return { dev, ino };
  } catch {
    return undefined;
  }
}

/** SQLite's answer when the database cannot be written to, as the 503 that says so; undefined for any other error. */
export function writeFailure(error: unknown): StoreUnavailableError | undefined {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return undefined;
  if (code.startsWith('SQLITE_READONLY')) {
    return new StoreUnavailableError(
      'store_read_only',
      'The metadata database is read-only, so changes are refused. Make DATA_DIR and metadata.sqlite writable by the service and restart the metadata service.',
    );
  }
  if (/^SQLITE_(IOERR|CANTOPEN|FULL|CORRUPT|NOTADB)/.test(code)) {
    return new StoreUnavailableError(
      'store_unavailable',
      `The metadata database cannot be written to (${code}), so changes are refused. Check the disk under DATA_DIR; restart the metadata service if it persists.`,
    );
  }
  return undefined;
}
