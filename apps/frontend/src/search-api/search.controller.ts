import { Body, Controller, Post } from '@nestjs/common';
import { ZodResponse } from 'nestjs-zod';
import { ForwardedToken } from '../backends/forwarded-token.decorator';
import { FrontendSearchRequestDto, FrontendSearchResponseDto } from './search.dtos';
import { FrontendSearchService } from './search.service';

/** Amundsen's `POST /api/search/v1/search`, forwarded to search's `/v2/search` with the caller's access token. */
@Controller('api/search/v1')
export class SearchController {
  constructor(private readonly searches: FrontendSearchService) {}

  @Post('search')
  @ZodResponse({ status: 200, type: FrontendSearchResponseDto })
  searchAll(@Body() request: FrontendSearchRequestDto, @ForwardedToken() token: string) {
    return this.searches.search(request, token);
  }
}
