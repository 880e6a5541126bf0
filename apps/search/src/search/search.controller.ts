import { Body, Controller, Post } from '@nestjs/common';
import { ZodResponse } from 'nestjs-zod';
import { SearchRequestDto, SearchResponseDto } from './search.dtos';
import { SearchService } from './search.service';

/** Amundsen's `POST /v2/search`: one request, results per resource type. */
@Controller('v2')
export class SearchController {
  constructor(private readonly searches: SearchService) {}

  @Post('search')
  @ZodResponse({ status: 200, type: SearchResponseDto })
  search(@Body() body: SearchRequestDto) {
    return this.searches.search(body);
  }
}
