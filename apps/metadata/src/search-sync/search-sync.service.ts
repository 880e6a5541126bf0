import { Inject, Injectable, Logger, type OnApplicationBootstrap, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { Gauge } from 'prom-client';
import { Clock } from '@fram/config';
import { ConflictError } from '@fram/errors';
import { INDEXED_RESOURCE_TYPES, type IndexedResourceType, type SetAsideDocument } from '@fram/models';
import { HealthService, MetricsService, type CheckResult } from '@fram/service';
import { clientCredentialsToken } from '@fram/catalog-tools';
import type { MetadataConfig, SearchSyncConfig } from '../config/metadata-config';
import { METADATA_CONFIG } from '../config/metadata-config.token';
import { SearchSource } from './search-source';
import { buildDocuments, changedResources, goneResources, noChanges, REMOVABLE_TYPES, type ChangedResources } from './search-documents';
import { SearchSender, type SendOutcome } from './search-sender';
import { mergeSetAside, setAsideId, SyncStateFile } from './sync-state';

const PAGE = 500;
const MAX_BACKOFF_MS = 30_000;

type Counts = Record<IndexedResourceType, number>;

/** How far behind search is: changes not yet delivered, how long the oldest has waited, documents set aside. */
export interface SyncStatus {
  lagEntries: number;
  lagSeconds: number;
  setAside: number;
}

/**
 * Keeps the search service current. The audit trail is the change feed:
 * every edit and ingestion is recorded there first, so this service reads
 * the entries after its cursor, sends the changed documents to search
 * (`PUT /v2/documents/{type}`, as metadata's own client_credentials
 * identity), removes the documents of changed resources the store no longer
 * has (`DELETE /v2/documents/{type}`: tables, dashboards and features a
 * source run removed), and only then moves the cursor on (kept in a file under
 * DATA_DIR). When search is down the edits still succeed; they are delivered
 * when it is back, nothing lost, also across restarts. A document search
 * refuses (a 4xx for it) does not stop the feed: it is set aside in the same
 * file, listed at `GET /search/set-aside`, counted in /metrics, and retried
 * at start, at reindex and on `POST /search/set-aside/retry`.
 */
@Injectable()
export class SearchSyncService implements OnModuleInit, OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SearchSync');
  private readonly config: Extract<SearchSyncConfig, { kind: 'http' }> | undefined;
  private readonly sender: SearchSender | undefined;
  private readonly state: SyncStateFile | undefined;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  /** Feed, retries and reindex change the state file one at a time. */
  private exclusive: Promise<unknown> = Promise.resolve();
  private retryAtStart = true;
  private retryFailing: string | undefined;
  private backoffMs = 0;
  private statusInFlight: Promise<SyncStatus> | undefined;
  private failing: string | undefined;

  constructor(
    private readonly store: SearchSource,
    @Inject(METADATA_CONFIG) config: MetadataConfig,
    private readonly health: HealthService,
    private readonly metrics: MetricsService,
    /** How long changes have waited is measured on it; tests move a ManualClock. */
    private readonly clock: Clock,
  ) {
    this.config = config.searchSync.kind === 'http' ? config.searchSync : undefined;
    if (this.config) {
      const { issuer, clientId, clientSecret, scopes, tokenParams, authMethod } = this.config;
      const token = clientCredentialsToken(issuer, clientId, clientSecret, scopes, tokenParams, authMethod);
      this.sender = new SearchSender(this.config.searchUrl, token);
      this.state = new SyncStateFile(this.config.cursorFile);
    }
  }

  onModuleInit(): void {
    this.health.register('search_sync', () => this.check());
    const registers = [this.metrics.registry];
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- prom-client calls collect() with the gauge as `this`
    const sync = this;
    new Gauge({
      name: 'fram_search_sync_set_aside',
      help: 'Documents the search service refused, set aside to be retried (GET /search/set-aside)',
      registers,
      collect: function (this: Gauge) {
        const count = sync.setAsideCount();
        if (count !== undefined) this.set(count);
      },
    });
    // One status (two store queries) per scrape for both lag gauges: prom-client collects them at once.
    const lagGauge = (name: string, help: string, pick: (status: SyncStatus) => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect: async function (this: Gauge) {
          const status = await sync.sharedStatus().catch(() => undefined);
          if (status) this.set(pick(status));
        },
      });
    lagGauge('fram_search_sync_lag_entries', 'Changes (audit entries) not yet delivered to the search service', (s) => s.lagEntries);
    lagGauge(
      'fram_search_sync_lag_seconds',
      'How long the oldest change not yet delivered to the search service has waited',
      (s) => s.lagSeconds,
    );
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
    this.running ??= this.serially(() => this.deliver()).finally(() => (this.running = undefined));
    return this.running;
  }

  /** The documents search refused, oldest first. */
  setAside(): SetAsideDocument[] {
    return this.state?.read().set_aside ?? [];
  }

  /** How many documents are set aside, or undefined when the state file cannot be read (the health check says why). */
  private setAsideCount(): number | undefined {
    try {
      return this.setAside().length;
    } catch {
      return undefined;
    }
  }

  /** Sends the set-aside documents again (as they are now); those search takes leave the list. */
  async retrySetAside(): Promise<{ delivered: number; set_aside: SetAsideDocument[] }> {
    if (!this.config) throw new ConflictError('Keeping search current is off (SEARCH_SYNC=off); nothing to retry');
    return this.serially(async () => {
      const current = this.state!.read();
      const changed = noChanges();
      for (const d of current.set_aside) changed[d.type].add(d.resource_key);
      const outcome = await this.sendAll(changed);
      // Resources gone from the catalog have nothing left to index (their documents were removed): they leave the list too.
      const retried = new Set(current.set_aside.map((d) => setAsideId(d.type, d.resource_key)));
      const setAside = mergeSetAside(current.set_aside, retried, outcome.refused);
      this.state!.write({ ...this.state!.read(), set_aside: setAside });
      if (outcome.delivered > 0) this.logger.log(`Delivered ${outcome.delivered} set-aside documents to search`);
      return { delivered: outcome.delivered, set_aside: setAside };
    });
  }

  /**
   * Sends every table, dashboard, person and ML feature to search, page by page (a full
   * reindex, e.g. for a new search service or a graph that Amundsen's
   * databuilder built). Documents search refuses are skipped, set aside and
   * reported; the counts are of documents search took.
   */
  async reindex(): Promise<{ reindexed: Counts; refused: SetAsideDocument[] }> {
    if (!this.config) throw new ConflictError('Keeping search current is off (SEARCH_SYNC=off); nothing to reindex into');
    return this.serially(async () => {
      const reindexed = Object.fromEntries(INDEXED_RESOURCE_TYPES.map((type) => [type, 0])) as Counts;
      const refused: SetAsideDocument[] = [];
      for (const type of INDEXED_RESOURCE_TYPES) {
        let after = '';
        for (;;) {
          const keys = await this.store.listKeys(type, after, PAGE);
          if (keys.length === 0) break;
          const changed = noChanges();
          for (const key of keys) changed[type].add(key);
          const outcome = await this.sender!.send(type, (await buildDocuments(this.store, changed))[type]);
          reindexed[type] += outcome.delivered.length;
          refused.push(...outcome.refused);
          after = keys[keys.length - 1]!;
        }
      }
      // Everything was sent: what is set aside now is what search refused this time.
      this.state!.write({ ...this.state!.read(), set_aside: refused });
      if (refused.length > 0)
        this.logger.warn(`Reindex: search refused ${refused.length} documents; they are set aside (GET /search/set-aside)`);
      return { reindexed, refused };
    });
  }

  /** status(), one computation shared by the callers that ask while it runs. */
  private sharedStatus(): Promise<SyncStatus> {
    this.statusInFlight ??= this.status().finally(() => (this.statusInFlight = undefined));
    return this.statusInFlight;
  }

  /** How far behind search is. */
  async status(): Promise<SyncStatus> {
    if (!this.state) return { lagEntries: 0, lagSeconds: 0, setAside: 0 };
    const { cursor, set_aside } = this.state.read();
    const [oldest] = await this.store.auditSince(cursor, 1);
    if (!oldest) return { lagEntries: 0, lagSeconds: 0, setAside: set_aside.length };
    // Audit ids are a sequence: the newest id less the cursor is how many wait.
    const [newest] = await this.store.audit(1);
    return {
      lagEntries: Math.max(1, (newest?.id ?? oldest.id) - cursor),
      lagSeconds: Math.max(0, (this.clock.now() - oldest.at) / 1000),
      setAside: set_aside.length,
    };
  }

  /** The /healthcheck entry: degraded ("sync stuck") when a change has waited SEARCH_SYNC_MAX_LAG_S or more. */
  private async check(): Promise<CheckResult> {
    if (!this.config) return { status: 'ok', sync: 'off' };
    let s: SyncStatus;
    try {
      s = await this.status();
    } catch (error) {
      // E.g. the state file cannot be read: the feed is stopped until it is fixed.
      return { status: 'fail', message: error instanceof Error ? error.message : String(error) };
    }
    const detail = {
      lag_entries: s.lagEntries,
      lag_seconds: Math.round(s.lagSeconds),
      set_aside: s.setAside,
      max_lag_seconds: this.config.maxLagS,
      // Why the last round could not deliver (e.g. search is down), until one does.
      ...(this.failing ? { last_error: this.failing } : {}),
    };
    if (s.lagEntries > 0 && s.lagSeconds >= this.config.maxLagS) {
      const why = this.failing ? `; last error: ${this.failing}` : '';
      // Degraded, not failed: metadata itself works, and taking it out of service would not bring search back.
      return {
        status: 'degraded',
        ...detail,
        message: `sync stuck: ${s.lagEntries} changes have waited ${Math.round(s.lagSeconds)} s for search${why}`,
      };
    }
    return { status: 'ok', ...detail };
  }

  private serially<T>(work: () => Promise<T>): Promise<T> {
    const result = this.exclusive.then(work, work);
    this.exclusive = result.catch(() => undefined);
    return result;
  }

  private schedule(delayMs: number): void {
    this.timer = setTimeout(() => {
      this.tick()
        .then(
          () => {
            if (this.failing) this.logger.log('Search is updated again; changes delivered');
            this.failing = undefined;
            this.backoffMs = 0;
          },
          (error: unknown) => {
            const message = error instanceof Error ? error.message : String(error);
            if (!this.failing) this.logger.warn(`Cannot update search yet, will retry: ${message}`);
            this.failing = message;
            this.backoffMs = Math.min(MAX_BACKOFF_MS, Math.max(this.config!.intervalMs, this.backoffMs * 2));
          },
        )
        .finally(() => {
          if (this.timer) this.schedule(this.backoffMs || this.config!.intervalMs);
        });
    }, delayMs);
    this.timer.unref();
  }

  /**
   * One round of the feed. Until it has gone through once, a round also
   * retries what was set aside before the restart: best-effort, so a retry
   * that fails (search down, the state file unreadable) never holds up the
   * feed; it is logged and tried again next round.
   */
  private async tick(): Promise<void> {
    if (this.retryAtStart) {
      try {
        if (this.setAside().length > 0) await this.retrySetAside();
        this.retryAtStart = false;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (message !== this.retryFailing) this.logger.warn(`Cannot retry set-aside documents yet, will try again: ${message}`);
        this.retryFailing = message;
      }
    }
    await this.flush();
  }

  private async deliver(): Promise<void> {
    if (!this.state) return;
    for (;;) {
      const current = this.state.read();
      const entries = await this.store.auditSince(current.cursor, 1000);
      if (entries.length === 0) return;
      const outcome = await this.sendAll(changedResources(entries));
      // A document removed from search has nothing left to retry either.
      const setAside = mergeSetAside(current.set_aside, outcome.settled, outcome.refused);
      for (const d of outcome.refused)
        this.logger.warn(`Search refused ${d.type} ${d.key}; set aside (GET /search/set-aside): ${d.reason}`);
      this.state.write({ cursor: entries[entries.length - 1].id, set_aside: setAside });
    }
  }

  /**
   * Sends the current documents of `changed`, and removes those of the changed resources the store no longer has;
   * throws (nothing recorded) when search cannot take them now. `settled`: the set-aside ids of both.
   */
  private async sendAll(changed: ChangedResources): Promise<{ delivered: number; settled: Set<string>; refused: SetAsideDocument[] }> {
    const documents = await buildDocuments(this.store, changed);
    const settled = new Set<string>();
    const refused: SetAsideDocument[] = [];
    for (const type of INDEXED_RESOURCE_TYPES) {
      const outcome: SendOutcome = await this.sender!.send(type, documents[type]);
      for (const d of outcome.delivered) settled.add(setAsideId(type, d.resourceKey));
      refused.push(...outcome.refused);
    }
    const delivered = settled.size;
    const gone = goneResources(changed, documents);
    let removed = 0;
    for (const type of REMOVABLE_TYPES) {
      removed += await this.sender!.remove(type, gone[type]);
      for (const key of gone[type]) settled.add(setAsideId(type, key));
    }
    if (removed > 0) this.logger.log(`Removed ${removed} documents from search: their resources are gone from the catalog`);
    return { delivered, settled, refused };
  }
}
