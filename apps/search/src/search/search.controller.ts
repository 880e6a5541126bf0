import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import type { SearchResponse } from '@fram/models';
import { SearchIndex } from '../index/search-index';
import { parseSearchRequest } from './search-request';

/** Amundsen's `POST /v2/search`: one request, results per resource type. */
@Controller('v2')
export class SearchController {
  constructor(private readonly index: SearchIndex) {}

  @Post('search')
  @HttpCode(200)
  async search(@Body() body: unknown): Promise<SearchResponse & { results: { feature?: { results: []; total_results: 0 } } }> {
    const { request, features } = parseSearchRequest(body);
    const response = await this.index.search(request);
    return features ? { ...response, results: { ...response.results, feature: { results: [], total_results: 0 } } } : response;
  }
}
