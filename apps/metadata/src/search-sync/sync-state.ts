import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { DomainError } from '@fram/errors';
import { INDEXED_RESOURCE_TYPES, type SetAsideDocument } from '@fram/models';

/** 503: the feed's state file cannot be read or parsed; an operator fixes or removes it. */
export class SyncStateUnreadableError extends DomainError {
  readonly status = 503;
  readonly code = 'search_sync_state_unreadable';
}

export interface SyncState {
  /** The last audit entry delivered. */
  cursor: number;
  set_aside: SetAsideDocument[];
}

/** The feed's state in one JSON file under DATA_DIR, replaced atomically (so it survives restarts and crashes). */
export class SyncStateFile {
  private cached: SyncState | undefined;

  constructor(private readonly file: string) {}

  read(): SyncState {
    this.cached ??= this.load();
    return { cursor: this.cached.cursor, set_aside: [...this.cached.set_aside] };
  }

  write(state: SyncState): void {
    mkdirSync(dirname(this.file), { recursive: true });
    const fd = openSync(`${this.file}.tmp`, 'w', 0o600);
    try {
      writeSync(fd, JSON.stringify(state));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(`${this.file}.tmp`, this.file);
    this.cached = { cursor: state.cursor, set_aside: [...state.set_aside] };
  }

  /** No file is a fresh start; a file that cannot be read or parsed stops the feed (named), rather than start over from 0. */
  private load(): SyncState {
    let text: string;
    try {
      text = readFileSync(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { cursor: 0, set_aside: [] };
      throw new SyncStateUnreadableError(
        `Cannot read the search feed's state ${this.file}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    let saved: { cursor?: unknown; set_aside?: unknown };
    try {
      saved = JSON.parse(text) as typeof saved;
    } catch (error) {
      throw new SyncStateUnreadableError(
        `The search feed's state ${this.file} is not valid JSON (${error instanceof Error ? error.message : String(error)}); fix or remove it (removing it sends every change again)`,
      );
    }
    if (saved === null || typeof saved !== 'object')
      throw new SyncStateUnreadableError(`The search feed's state ${this.file} is not a JSON object; fix or remove it`);
    const list = Array.isArray(saved.set_aside) ? (saved.set_aside as Partial<SetAsideDocument>[]) : [];
    return {
      cursor: typeof saved.cursor === 'number' ? saved.cursor : 0,
      set_aside: list.filter(
        (d): d is SetAsideDocument =>
          (INDEXED_RESOURCE_TYPES as readonly unknown[]).includes(d.type) &&
          typeof d.key === 'string' &&
          typeof d.resource_key === 'string',
      ),
    };
  }
}

export const setAsideId = (type: string, resourceKey: string) => `${type} ${resourceKey}`;

/** `current` without the documents delivered since (their ids), plus those refused now (a newer refusal replaces an older one). */
export function mergeSetAside(
  current: readonly SetAsideDocument[],
  delivered: ReadonlySet<string>,
  refused: readonly SetAsideDocument[],
): SetAsideDocument[] {
  const replaced = new Set(refused.map((d) => setAsideId(d.type, d.resource_key)));
  return [
    ...current.filter((d) => !delivered.has(setAsideId(d.type, d.resource_key)) && !replaced.has(setAsideId(d.type, d.resource_key))),
    ...refused,
  ];
}
