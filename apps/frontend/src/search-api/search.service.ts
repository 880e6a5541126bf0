import { Injectable } from '@nestjs/common';
import type {
  FrontendResourceResults,
  FrontendSearchRequest,
  FrontendSearchResponse,
  SearchResourceType,
  SearchResponse,
} from '@fram/models';
import { SearchClient } from '../backends/backend-clients';
import { frontendHit, searchRequests } from './search-query';

/** Amundsen's frontend search: asks search (`/v2/search`) with the caller's token, and answers in the frontend's shape. */
@Injectable()
export class FrontendSearchService {
  constructor(private readonly client: SearchClient) {}

  async search(request: FrontendSearchRequest, token: string): Promise<FrontendSearchResponse> {
    const answers = await Promise.all(searchRequests(request).map((r) => this.client.call<SearchResponse>('POST', '/v2/search', token, r)));
    const results: Partial<Record<SearchResourceType, FrontendResourceResults>> = {};
    for (const answer of answers) {
      for (const type of request.resources) {
        const found = answer.results[type];
        if (!found) continue;
        results[type] = {
          page_index: request.pageIndex,
          total_results: found.total_results,
          results: found.results.map((hit) => frontendHit(type, hit)),
        };
      }
    }
    return { search_term: request.searchTerm, msg: 'Success', status_code: 200, ...results };
  }
}
