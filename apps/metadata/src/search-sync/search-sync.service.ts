import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { ConflictError, DependencyUnavailableError } from '@fram/errors';
import { SEARCH_RESOURCE_TYPES } from '@fram/models';
import { clientCredentialsToken } from '../common/client-credentials';
import type { MetadataConfig, SearchSyncConfig } from '../config/metadata-config';
import { METADATA_CONFIG } from '../config/metadata-config.token';
import { MetadataStore } from '../store/metadata-store';
import { buildDocuments, changedResources } from './search-documents';

const BATCH = 500;
const MAX_BACKOFF_MS = 30_000;

/**
 * Keeps the search service current. The audit trail is the change feed:
 * every edit and ingestion is recorded there first, so this service reads
 * the entries after its cursor, sends the changed documents to search
 * (`PUT /v2/documents/{type}`, as metadata's own client_credentials
 * identity), and only then moves the cursor on (kept in a file under
 * DATA_DIR). When search is down the edits still succeed; they are delivered
 * when it is back, nothing lost, also across restarts.
 */
@Injectable()
export class SearchSyncService implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SearchSync');
  private readonly config: Extract<SearchSyncConfig, { kind: 'http' }> | undefined;
  private readonly token: (() => Promise<string>) | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private backoffMs = 0;
  private failing = false;

  constructor(
    private readonly store: MetadataStore,
    @Inject(METADATA_CONFIG) config: MetadataConfig,
  ) {
    this.config = config.searchSync.kind === 'http' ? config.searchSync : undefined;
    this.token = this.config && clientCredentialsToken(this.config.issuer, this.config.clientId, this.config.clientSecret, this.config.scopes);
  }

  onApplicationBootstrap(): void {
    if (this.config) this.schedule(this.config.intervalMs);
  }

  onApplicationShutdown(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** Delivers everything recorded so far (also used by tests and the reindex command). */
  async flush(): Promise<void> {
    this.running ??= this.deliver().finally(() => (this.running = undefined));
    return this.running;
  }

  /**
   * Sends every table, dashboard and person to search, page by page (a full
   * reindex, e.g. for a new search service or a graph that Amundsen's
   * databuilder built). Returns how many documents of each type were sent.
   */
  async reindex(): Promise<Record<(typeof SEARCH_RESOURCE_TYPES)[number], number>> {
    if (!this.config) throw new ConflictError('Keeping search current is off (SEARCH_SYNC=off); nothing to reindex into');
    const sent = { table: 0, user: 0, dashboard: 0 };
    for (const type of SEARCH_RESOURCE_TYPES) {
      let after = '';
      for (;;) {
        const keys = await this.store.listKeys(type, after, BATCH);
        if (keys.length === 0) break;
        const changed = { table: new Set<string>(), user: new Set<string>(), dashboard: new Set<string>() };
        for (const key of keys) changed[type].add(key);
        const documents = (await buildDocuments(this.store, changed))[type];
        if (documents.length > 0) await this.send(type, documents);
        sent[type] += documents.length;
        after = keys[keys.length - 1]!;
      }
    }
    return sent;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.flush()
        .then(
          () => {
            if (this.failing) this.logger.log('Search is reachable again; changes delivered');
            this.failing = false;
            this.backoffMs = 0;
          },
          (error: unknown) => {
            if (!this.failing) this.logger.warn(`Cannot update search yet, will retry: ${error instanceof Error ? error.message : String(error)}`);
            this.failing = true;
            this.backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(this.config!.intervalMs, this.backoffMs * 2));
          },
        )
        .finally(() => {
          if (this.timer) this.schedule(this.backoffMs || this.config!.intervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  private async deliver(): Promise<void> {
    if (!this.config || !this.token) return;
    for (;;) {
      const cursor = this.readCursor();
      const entries = await this.store.auditSince(cursor, 1000);
      if (entries.length === 0) return;
      const documents = await buildDocuments(this.store, changedResources(entries));
      for (const type of SEARCH_RESOURCE_TYPES) {
        const docs = documents[type];
        for (let i = 0; i < docs.length; i += BATCH) await this.send(type, docs.slice(i, i + BATCH));
      }
      this.writeCursor(entries[entries.length - 1]!.id);
    }
  }

  private async send(type: string, documents: unknown[]): Promise<void> {
    let response: Response;
    try {
      response = await fetch(`${this.config!.searchUrl}/v2/documents/${type}`, {
        method: 'PUT',
        headers: { authorization: `Bearer ${await this.token!()}`, 'content-type': 'application/json' },
        body: JSON.stringify({ documents }),
        signal: AbortSignal.timeout(30_000),
      });
    } catch (error) {
      throw new DependencyUnavailableError(`The search service at ${this.config!.searchUrl} cannot be reached (${error instanceof Error ? error.message : String(error)})`);
    }
    if (!response.ok) throw new DependencyUnavailableError(`The search service answered ${response.status}: ${(await response.text()).slice(0, 200)}`);
    await response.arrayBuffer().catch(() => undefined);
  }

  private readCursor(): number {
    try {
      const saved = JSON.parse(readFileSync(this.config!.cursorFile, 'utf8')) as { cursor?: unknown };
      return typeof saved.cursor === 'number' ? saved.cursor : 0;
    } catch {
      return 0;
    }
  }

  private writeCursor(cursor: number): void {
    const file = this.config!.cursorFile;
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(`${file}.tmp`, JSON.stringify({ cursor }));
    renameSync(`${file}.tmp`, file);
  }
}
