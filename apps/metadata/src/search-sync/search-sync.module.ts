import { Module } from '@nestjs/common';
import { Clock, systemClock } from '@fram/config';
import { MetricsModule } from '@fram/service';
import { SearchSource } from './search-source';
import { SearchSyncController } from './search-sync.controller';
import { SearchSyncService } from './search-sync.service';

@Module({
  imports: [MetricsModule],
  controllers: [SearchSyncController],
  providers: [SearchSyncService, SearchSource, { provide: Clock, useValue: systemClock }],
  exports: [SearchSyncService],
})
export class SearchSyncModule {}
