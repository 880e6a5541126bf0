import { Module } from '@nestjs/common';
import { SearchController } from './search.controller';

/** Amundsen's `/api/search/v1/search`, forwarded to search. */
@Module({ controllers: [SearchController] })
export class SearchApiModule {}
