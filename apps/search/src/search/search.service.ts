import { Injectable } from '@nestjs/common';
import { INDEXED_RESOURCE_TYPES, type SearchRequestBody, type SearchResponse } from '@fram/models';
import { SearchIndex } from '../index/search-index';

/** Amundsen's search: the types asked for (none: all four), each searched in the index. */
@Injectable()
export class SearchService {
  constructor(private readonly index: SearchIndex) {}

  search(body: SearchRequestBody): Promise<SearchResponse> {
    const asked = body.resource_types === undefined || body.resource_types.length === 0 ? [...INDEXED_RESOURCE_TYPES] : body.resource_types;
    return this.index.search({ ...body, resource_types: asked });
  }
}
