import { Module } from '@nestjs/common';
import { SearchSyncController } from './search-sync.controller';
import { SearchSyncService } from './search-sync.service';

@Module({ controllers: [SearchSyncController], providers: [SearchSyncService], exports: [SearchSyncService] })
export class SearchSyncModule {}
