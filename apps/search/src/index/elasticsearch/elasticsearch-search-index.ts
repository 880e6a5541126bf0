import { type Client } from '@elastic/elasticsearch';
import { randomUUID } from 'node:crypto';
import { DependencyUnavailableError, DomainError } from '@fram/errors';
import { INDEXED_RESOURCE_TYPES, type IndexedResourceType, type SearchDocuments, type SearchRequest } from '@fram/models';
import type { CheckResult } from '@fram/service';
import { facetsAsked, SearchIndex, type FoundPage, type FoundPages } from '../search-index';
import { aliasOf, buildQuery, fromElastic, HIGHLIGHT_NAMES, INDEX_BODIES, readFacets, toElastic } from './amundsen-v21';

/**
 * 422: Elasticsearch refused some documents for their content (a mapping
 * conflict, an id too long, ...). The message names each one as the schema
 * check does (`documents.<i> (<key>): why`), so a sender can set them aside.
 */
export class DocumentsRefusedError extends DomainError {
  readonly status = 422;
  readonly code = 'unprocessable_entity';
}

interface BulkItem {
  status?: number;
  error?: { type?: string; reason?: string | null } | null;
}

export interface ElasticsearchOptions {
  /** A client for ELASTICSEARCH_URL (or the official mock in tests). */
  client: Client;
  /** Amundsen's ES_INDEX_ALIAS_TEMPLATE. */
  aliasTemplate?: string;
}

/**
 * SearchIndex on Elasticsearch 8 with Amundsen's v2.1 aliases and mappings:
 * indices built by Amundsen's databuilder are searched as they are; missing
 * aliases are created (`{alias}_{yyyymmdd}_{uuid}` with the v2.1 mappings).
 * A search is one multi-search with one query per resource type.
 */
export class ElasticsearchSearchIndex extends SearchIndex {
  private readonly client: Client;
  private readonly template: string;
  private ready: Promise<void> | undefined;

  constructor(options: ElasticsearchOptions) {
    super();
    this.client = options.client;
    this.template = options.aliasTemplate ?? '{resource}_search_index_v2_1';
  }

  /** Creates the aliases that do not exist yet, with Amundsen's v2.1 index bodies. */
  prepare(): Promise<void> {
    this.ready ??= this.createMissingAliases().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  async find(request: SearchRequest): Promise<FoundPages> {
    const types = request.resource_types;
    const searches = types.flatMap((type) => [
      { index: aliasOf(this.template, type) },
      buildQuery(type, {
        term: request.query_term,
        filters: request.filters,
        from: request.page_index * request.results_per_page,
        size: request.results_per_page,
        highlight: request.highlight_options[type]?.enable_highlight === true,
        sort: request.sort_by,
        facets: facetsAsked(request, type),
      }),
    ]);
    const answer = await this.call(() => this.client.msearch({ searches: searches }));
    const pages: FoundPages = {};
    types.forEach((type, i) => {
      const response = answer.responses[i] as {
        hits?: {
          total?: { value?: number } | number;
          hits?: { _score?: number | null; _source?: Record<string, unknown>; highlight?: Record<string, string[]> }[];
        };
        aggregations?: Record<string, unknown>;
        error?: unknown;
      };
      // A missing alias (or a failed query) is a type with nothing found, as Amundsen skips it.
      if (!response || 'error' in response || !response.hits) return;
      const toFram = fromElastic[type] as (s: Record<string, unknown>) => SearchDocuments[typeof type];
      const total = typeof response.hits.total === 'number' ? response.hits.total : (response.hits.total?.value ?? 0);
      (pages as Record<string, FoundPage>)[type] = {
        total,
        found: (response.hits.hits ?? []).map((hit) => ({
          doc: toFram(hit._source ?? {}),
          score: hit._score ?? 0,
          highlight: Object.fromEntries(
            Object.entries(hit.highlight ?? {}).map(([field, fragments]) => [HIGHLIGHT_NAMES[field] ?? field, fragments]),
          ),
        })),
      };
      const facets = facetsAsked(request, type);
      if (facets) (pages as Record<string, FoundPage>)[type].facets = readFacets(facets, response.aggregations);
    });
    return pages;
  }

  async upsert<T extends IndexedResourceType>(type: T, documents: SearchDocuments[T][]): Promise<number> {
    if (documents.length === 0) return 0;
    await this.prepare();
    const index = aliasOf(this.template, type);
    const convert = toElastic[type] as (d: SearchDocuments[T]) => Record<string, unknown>;
    const operations = documents.flatMap((d) => [{ index: { _index: index, _id: d.key } }, convert(d)]);
    const result = await this.call(() => this.client.bulk({ operations, refresh: 'wait_for' }));
    if (result.errors) refusedItems(documents, result.items);
    // Documents Amundsen's databuilder wrote have other ids: drop those duplicates of the keys.
    const keys = documents.map((d) => d.key);
    await this.call(() =>
      this.client.deleteByQuery({
        index,
        refresh: true,
        conflicts: 'proceed',
        query: { bool: { filter: [{ terms: { 'key.keyword': keys } }], must_not: [{ ids: { values: keys } }] } },
      }),
    );
    return documents.length;
  }

  async remove(type: IndexedResourceType, keys: string[]): Promise<number> {
    if (keys.length === 0) return 0;
    const result = await this.call(() =>
      this.client.deleteByQuery({
        index: aliasOf(this.template, type),
        refresh: true,
        conflicts: 'proceed',
        query: { terms: { 'key.keyword': keys } },
      }),
    );
    return result.deleted ?? 0;
  }

  async get<T extends IndexedResourceType>(type: T, key: string): Promise<SearchDocuments[T] | undefined> {
    const result = await this.call(() =>
      this.client.search({ index: aliasOf(this.template, type), size: 1, query: { term: { 'key.keyword': key } } }),
    );
    const source = result.hits.hits[0]?._source as Record<string, unknown> | undefined;
    return source ? (fromElastic[type] as (s: Record<string, unknown>) => SearchDocuments[T])(source) : undefined;
  }

  async count(type: IndexedResourceType): Promise<number> {
    return (await this.call(() => this.client.count({ index: aliasOf(this.template, type) }))).count;
  }

  async health(): Promise<CheckResult> {
    try {
      const health = await this.client.cluster.health();
      return { status: health.status === 'red' ? 'fail' : 'ok', cluster: health.status };
    } catch (error) {
      return { status: 'fail', message: error instanceof Error ? error.message : String(error) };
    }
  }

  async close(): Promise<void> {
    await this.client.close();
  }

  private async createMissingAliases(): Promise<void> {
    const day = new Date().toISOString().slice(0, 10).replace(/-/g, '');
    for (const type of INDEXED_RESOURCE_TYPES) {
      const alias = aliasOf(this.template, type);
      if (await this.client.indices.existsAlias({ name: alias })) continue;
      const index = `${alias}_${day}_${randomUUID().replace(/-/g, '')}`;
      await this.client.indices.create({ index, ...INDEX_BODIES[type], aliases: { [alias]: {} } });
    }
  }

  /** Connection failures become 503s (DependencyUnavailableError). */
  private async call<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      const name = (error as { name?: unknown }).name;
      if (name === 'ConnectionError' || name === 'TimeoutError' || name === 'NoLivingConnectionsError') {
        throw new DependencyUnavailableError('The search index (Elasticsearch) is unavailable; try again shortly');
      }
      throw error;
    }
  }
}

/**
 * Throws for the failed items of a bulk answer: a 4xx item is the document's
 * fault (422 naming each such document); an item failing only for the
 * cluster's reasons (429, 5xx) is a 503, to be tried again later.
 */
function refusedItems(documents: readonly { key: string }[], items: Record<string, BulkItem>[]): void {
  const refused: string[] = [];
  let clusterFault: string | undefined;
  items.forEach((operation, i) => {
    const item = Object.values(operation)[0];
    if (!item || (item.status !== undefined && item.status < 300 && !item.error)) return;
    const status = item.status ?? 500;
    const why = `${item.error?.type ?? `status ${status}`}${item.error?.reason ? `: ${item.error.reason.slice(0, 300)}` : ''}`;
    if (status === 429 || status >= 500) clusterFault ??= why;
    else refused.push(`documents.${i} (${(documents[i]?.key ?? '').slice(0, 200)}): ${why}`);
  });
  if (refused.length > 0) throw new DocumentsRefusedError(refused.join('; '));
  throw new DependencyUnavailableError(`Elasticsearch could not index some documents now (${clusterFault ?? 'errors'}); try again shortly`);
}
