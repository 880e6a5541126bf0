import { Module } from '@nestjs/common';
import { MetricsModule } from '@fram/service';
import { SearchSyncController } from './search-sync.controller';
import { SearchSyncService } from './search-sync.service';

@Module({ imports: [MetricsModule], controllers: [SearchSyncController], providers: [SearchSyncService], exports: [SearchSyncService] })
export class SearchSyncModule {}
