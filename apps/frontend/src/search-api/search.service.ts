import { Injectable } from '@nestjs/common';
import {
  FRONTEND_RESOURCE_TYPES,
  type Facets,
  type FrontendResourceResults,
  type FrontendResourceType,
  type FrontendSearchRequest,
  type FrontendSearchResponse,
} from '@fram/models';
import { SearchClient } from '../backends/backend-clients';
import { frontendHit, searchRequests } from './search-query';

/** Search's answer (`/v2/search`): a page of hits for each resource type it searched. */
interface SearchAnswer {
  msg?: string;
  results: Partial<Record<string, { results: Record<string, unknown>[]; total_results: number; facets?: Facets }>>;
}

/**
 * Amundsen's frontend search: asks search (`/v2/search`) with the caller's
 * token, and answers in the frontend's shape: a page for every resource,
 * empty for those not searched, as Amundsen's frontend answers.
 */
@Injectable()
export class FrontendSearchService {
  constructor(private readonly client: SearchClient) {}

  async search(request: FrontendSearchRequest, token: string): Promise<FrontendSearchResponse> {
    const answers = await Promise.all(searchRequests(request).map((r) => this.client.call<SearchAnswer>('POST', '/v2/search', token, r)));
    const empty = (): FrontendResourceResults => ({ page_index: request.pageIndex, results: [], total_results: 0 });
    const pages = Object.fromEntries(FRONTEND_RESOURCE_TYPES.map((type) => [type, empty()])) as Record<
      FrontendResourceType,
      FrontendResourceResults
    >;
    for (const answer of answers) {
      for (const type of request.resources) {
        const found = answer.results[type];
        if (!found) continue;
        pages[type] = {
          page_index: request.pageIndex,
          total_results: found.total_results,
          results: found.results.map((hit) => frontendHit(type, hit)),
          ...(found.facets && { facets: found.facets }),
        };
      }
    }
    return { search_term: request.searchTerm, msg: answers[0]?.msg ?? 'Success', status_code: 200, ...pages };
  }
}
