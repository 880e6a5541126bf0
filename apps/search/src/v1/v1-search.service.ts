import { Injectable } from '@nestjs/common';
import {
  V1_PAGE_SIZE,
  type IndexedResourceType,
  type SearchDocuments,
  type SearchFilter,
  type V1FilterRequest,
  type V1SearchQuery,
  type V1SearchResult,
} from '@fram/models';
import { SearchIndex } from '../index/search-index';
import { V1_RESULTS } from './v1-results';

/** The types Amundsen's v1 API filters (people are only searched). */
export type V1FilterType = 'table' | 'dashboard' | 'feature';

/** The filter categories Amundsen's v1 API knows per type (its legacy proxy's *_MAPPING); others are ignored, as there. */
const V1_FILTER_CATEGORIES: Record<V1FilterType, readonly string[]> = {
  table: ['key', 'badges', 'tag', 'schema', 'table', 'column', 'database', 'cluster'],
  dashboard: ['group_name', 'name', 'product', 'tag'],
  feature: ['key', 'feature_group', 'feature_name', 'entity', 'status', 'version', 'availability', 'tags', 'badges'],
};

const nothing = <T extends IndexedResourceType>(): V1SearchResult<T> => ({ total_results: 0, results: [] });

/**
 * Amundsen's v1 search (`/search`, `/search_table`, ...): pages of 10
 * documents of one type, in its v1 models. Fram's search finds them; an
 * empty query term without filters finds nothing, as Amundsen's.
 */
@Injectable()
export class V1SearchService {
  constructor(private readonly index: SearchIndex) {}

  search<T extends IndexedResourceType>(type: T, { query_term, page_index }: V1SearchQuery): Promise<V1SearchResult<T>> {
    if (query_term === '') return Promise.resolve(nothing<T>());
    return this.page(type, query_term, [], page_index);
  }

  /** Values of a category match with OR (wildcards allowed), categories with AND. */
  filter<T extends V1FilterType>(type: T, { query_term, page_index, search_request }: V1FilterRequest): Promise<V1SearchResult<T>> {
    const filters = Object.entries(search_request?.filters ?? {}).flatMap(([name, values]): SearchFilter[] => {
      const usable = values.filter((v) => v !== '');
      return V1_FILTER_CATEGORIES[type].includes(name) && usable.length > 0 ? [{ name, values: usable, operation: 'OR' }] : [];
    });
    if (filters.length === 0 && query_term === '') return Promise.resolve(nothing<T>());
    return this.page(type, query_term, filters, page_index);
  }

  private async page<T extends IndexedResourceType>(
    type: T,
    query_term: string,
    filters: SearchFilter[],
    page_index: number,
  ): Promise<V1SearchResult<T>> {
    const pages = await this.index.find({
      query_term,
      resource_types: [type],
      page_index,
      results_per_page: V1_PAGE_SIZE,
      filters,
      highlight_options: {},
      sort_by: 'relevance',
      facets: {},
    });
    const page = pages[type];
    const toV1 = V1_RESULTS[type] as (doc: SearchDocuments[T]) => V1SearchResult<T>['results'][number];
    return { total_results: page?.total ?? 0, results: (page?.found ?? []).map((f) => toV1(f.doc)) };
  }
}
