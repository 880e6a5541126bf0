import { Module } from '@nestjs/common';
import { SearchController } from './search.controller';
import { FrontendSearchService } from './search.service';

/** Amundsen's `/api/search/v1/search`, forwarded to search. */
@Module({ controllers: [SearchController], providers: [FrontendSearchService] })
export class SearchApiModule {}
