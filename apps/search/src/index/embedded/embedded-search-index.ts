import { INDEXED_RESOURCE_TYPES, type IndexedResourceType, type SearchDocuments, type SearchRequest } from '@fram/models';
import type { CheckResult } from '@fram/service';
import { RESOURCE_SCHEMAS, type ResourceSchema } from '../resource-schemas';
import { facetsAsked, SearchIndex, type FoundPage, type FoundPages } from '../search-index';
import { DocumentStore } from './document-store';
import { fragments, termMatcher } from './highlight';
import { ResourceIndex } from './resource-index';

type Indexes = { [T in IndexedResourceType]: ResourceIndex<SearchDocuments[T]> };

/**
 * SearchIndex with no server: documents persist in a SQLite file under
 * DATA_DIR and are indexed in memory (rebuilt at start) for typo-tolerant,
 * name-aware, prefix-while-typing search with Amundsen's field weights.
 */
export class EmbeddedSearchIndex extends SearchIndex {
  private readonly store: DocumentStore;
  private readonly indexes: Indexes;

  constructor(file: string) {
    super();
    this.store = new DocumentStore(file);
    this.indexes = {
      table: new ResourceIndex(RESOURCE_SCHEMAS.table),
      user: new ResourceIndex(RESOURCE_SCHEMAS.user),
      dashboard: new ResourceIndex(RESOURCE_SCHEMAS.dashboard),
      feature: new ResourceIndex(RESOURCE_SCHEMAS.feature),
    };
    for (const type of INDEXED_RESOURCE_TYPES) {
      const index = this.indexes[type] as unknown as ResourceIndex<{ key: string }>;
      for (const doc of this.store.all(type)) index.upsert(doc as { key: string });
    }
  }

  async find(request: SearchRequest): Promise<FoundPages> {
    const pages: FoundPages = {};
    for (const type of request.resource_types) {
      const schema = RESOURCE_SCHEMAS[type] as ResourceSchema<SearchDocuments[typeof type]>;
      const index = this.indexes[type] as ResourceIndex<SearchDocuments[typeof type]>;
      const found = index.search({
        text: request.query_term,
        filters: request.filters,
        offset: request.page_index * request.results_per_page,
        limit: request.results_per_page,
        sort: request.sort_by,
        facets: facetsAsked(request, type),
      });
      const matcher = request.highlight_options[type]?.enable_highlight ? termMatcher(found.matchedTerms) : undefined;
      (pages as Record<string, FoundPage>)[type] = {
        total: found.total,
        found: found.hits.map(({ doc, score }) => {
          const highlight: Record<string, string[]> = {};
          if (matcher) {
            for (const [field, spec] of Object.entries(schema.highlights)) {
              const parts = fragments(spec.values(doc), matcher, spec.fragments);
              if (parts.length > 0) highlight[field] = parts;
            }
          }
          return { doc, score, highlight };
        }),
        ...(found.facets && { facets: found.facets }),
      };
    }
    return pages;
  }

  async upsert<T extends IndexedResourceType>(type: T, documents: SearchDocuments[T][]): Promise<number> {
    this.store.upsert(type, documents);
    const index = this.indexes[type] as ResourceIndex<SearchDocuments[T]>;
    for (const doc of documents) index.upsert(doc);
    return documents.length;
  }

  async remove(type: IndexedResourceType, keys: string[]): Promise<number> {
    this.store.remove(type, keys);
    let removed = 0;
    for (const key of keys) if (this.indexes[type].remove(key)) removed += 1;
    return removed;
  }

  async get<T extends IndexedResourceType>(type: T, key: string): Promise<SearchDocuments[T] | undefined> {
    return (this.indexes[type] as ResourceIndex<SearchDocuments[T]>).get(key);
  }

  async count(type: IndexedResourceType): Promise<number> {
    return this.indexes[type].size;
  }

  async health(): Promise<CheckResult> {
    try {
      this.store.ping();
      return { status: 'ok', documents: Object.fromEntries(INDEXED_RESOURCE_TYPES.map((t) => [t, this.indexes[t].size])) };
    } catch (error) {
      return { status: 'fail', message: error instanceof Error ? error.message : String(error) };
    }
  }

  async close(): Promise<void> {
    this.store.close();
  }
}
