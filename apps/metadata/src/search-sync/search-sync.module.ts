import { Module } from '@nestjs/common';
import { MetricsModule } from '@fram/service';
import { SearchSource } from './search-source';
import { SearchSyncController } from './search-sync.controller';
import { SearchSyncService } from './search-sync.service';

@Module({
  imports: [MetricsModule],
  controllers: [SearchSyncController],
  providers: [SearchSyncService, SearchSource],
  exports: [SearchSyncService],
})
export class SearchSyncModule {}
