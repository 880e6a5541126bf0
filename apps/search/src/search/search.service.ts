import { Injectable } from '@nestjs/common';
import { REQUESTABLE_RESOURCE_TYPES, type SearchRequestBody, type SearchResourceType, type SearchResponse } from '@fram/models';
import { SearchIndex } from '../index/search-index';

/** Amundsen's search: the types asked for (none: all), each searched in the index; `feature` is always empty. */
@Injectable()
export class SearchService {
  constructor(private readonly index: SearchIndex) {}

  async search(body: SearchRequestBody): Promise<SearchResponse> {
    const asked: readonly (SearchResourceType | 'feature')[] =
      body.resource_types === undefined || body.resource_types.length === 0 ? REQUESTABLE_RESOURCE_TYPES : body.resource_types;
    const response = await this.index.search({
      ...body,
      resource_types: asked.filter((t): t is SearchResourceType => t !== 'feature'),
    });
    if (!asked.includes('feature')) return response;
    return { ...response, results: { ...response.results, feature: { results: [], total_results: 0 } } };
  }
}
