import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { SearchResourceType, SearchResponse } from '@fram/models';
import { SearchClient } from '../backends/backend-clients';
import { ForwardedToken } from '../backends/forwarded-token.decorator';
import { parseInput } from '../common/request-input';
import { frontendHit, frontendSearchRequest, searchRequests, type ResourceResults } from './search-query';

/** Amundsen's `POST /api/search/v1/search`, forwarded to search's `/v2/search` with the caller's access token. */
@Controller('api/search/v1')
export class SearchController {
  constructor(private readonly search: SearchClient) {}

  @Post('search')
  @HttpCode(200)
  async searchAll(@Body() body: unknown, @ForwardedToken() token: string) {
    const request = parseInput(frontendSearchRequest, body);
    const answers = await Promise.all(searchRequests(request).map((r) => this.search.call<SearchResponse>('POST', '/v2/search', token, r)));
    const results: Partial<Record<SearchResourceType, ResourceResults>> = {};
    for (const answer of answers) {
      for (const [type, found] of Object.entries(answer.results) as [
        SearchResourceType,
        NonNullable<SearchResponse['results'][SearchResourceType]>,
      ][]) {
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
