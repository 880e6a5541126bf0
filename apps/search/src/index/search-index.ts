import type { SearchDocuments, SearchHit, SearchRequest, SearchResponse, SearchResourceType } from '@fram/models';
import type { CheckResult } from '@fram/service';

/** The pages of hits an adapter finds, by type (each type's hits are of that type: SearchResponse['results']). */
export type HitPages = Partial<Record<SearchResourceType, { results: SearchHit[]; total_results: number }>>;

/**
 * The search service's index port. Adapters: EmbeddedSearchIndex (the
 * default, no server) and ElasticsearchSearchIndex (Amundsen's v2.1 indices).
 */
export abstract class SearchIndex {
  abstract search(request: SearchRequest): Promise<SearchResponse>;
  /** Creates or replaces documents by key. */
  abstract upsert<T extends SearchResourceType>(type: T, documents: SearchDocuments[T][]): Promise<number>;
  /** Removes documents by key; answers how many existed. */
  abstract remove(type: SearchResourceType, keys: string[]): Promise<number>;
  abstract get<T extends SearchResourceType>(type: T, key: string): Promise<SearchDocuments[T] | undefined>;
  abstract count(type: SearchResourceType): Promise<number>;
  abstract health(): Promise<CheckResult>;
  abstract close(): Promise<void>;
}
