import type { Facets, IndexedResourceType, SearchDocuments, SearchHit, SearchRequest, SearchResponse } from '@fram/models';
import type { CheckResult } from '@fram/service';
import { RESOURCE_SCHEMAS, type ResourceSchema } from './resource-schemas';

/** A document a search found, with its score and its highlighted fragments (by the API's field names). */
export interface FoundDocument<D = SearchDocuments[IndexedResourceType]> {
  doc: D;
  score: number;
  highlight: Record<string, string[]>;
}

/** One page of what a search found in one resource type, and how many documents match in all. */
export interface FoundPage<D = SearchDocuments[IndexedResourceType]> {
  total: number;
  found: FoundDocument<D>[];
  /** By field, the counted values: only when the search asked for this type's facets. */
  facets?: Facets;
}

/** The pages a search found, by type (each type's documents are of that type). */
export type FoundPages = { [T in IndexedResourceType]?: FoundPage<SearchDocuments[T]> };

/** The facet fields a search asks of a type, or undefined when it asks none (then no facets are computed). */
export function facetsAsked(request: Pick<SearchRequest, 'facets'>, type: IndexedResourceType): readonly string[] | undefined {
  const fields = request.facets[type];
  return fields && fields.length > 0 ? [...new Set(fields)] : undefined;
}

/**
 * The search service's index port. Adapters: EmbeddedSearchIndex (the
 * default, no server) and ElasticsearchSearchIndex (Amundsen's v2.1 indices).
 */
export abstract class SearchIndex {
  /** The documents of each asked type that match, one page each, best first. */
  abstract find(request: SearchRequest): Promise<FoundPages>;
  /** Creates or replaces documents by key. */
  abstract upsert<T extends IndexedResourceType>(type: T, documents: SearchDocuments[T][]): Promise<number>;
  /** Removes documents by key; answers how many existed. */
  abstract remove(type: IndexedResourceType, keys: string[]): Promise<number>;
  abstract get<T extends IndexedResourceType>(type: T, key: string): Promise<SearchDocuments[T] | undefined>;
  abstract count(type: IndexedResourceType): Promise<number>;
  abstract health(): Promise<CheckResult>;
  abstract close(): Promise<void>;

  /** Amundsen's SearchResponse: a page of hits (the resource's fields as its search API shows them) per type. */
  async search(request: SearchRequest): Promise<SearchResponse> {
    const pages = await this.find(request);
    const results: Partial<Record<IndexedResourceType, { results: SearchHit[]; total_results: number; facets?: Facets }>> = {};
    for (const type of request.resource_types) {
      const page = pages[type] as FoundPage | undefined;
      const schema = RESOURCE_SCHEMAS[type] as ResourceSchema<SearchDocuments[IndexedResourceType]>;
      results[type] = {
        total_results: page?.total ?? 0,
        results: (page?.found ?? []).map(({ doc, score, highlight }) => ({ ...schema.hit(doc), search_score: score, highlight })),
      };
      const asked = facetsAsked(request, type);
      // Asked for: every field answers, [] when nothing has a value of it (or the type had no page).
      if (asked) results[type].facets = Object.fromEntries(asked.map((field) => [field, page?.facets?.[field] ?? []]));
    }
    return {
      msg: 'Success',
      page_index: request.page_index,
      results_per_page: request.results_per_page,
      status_code: 200,
      results: results as SearchResponse['results'],
    };
  }
}
