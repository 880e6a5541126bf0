import { Module } from '@nestjs/common';
import { IngestionController } from './ingestion.controller';
import { IngestionService } from './ingestion.service';
import { IngestRunsController } from './ingest-runs.controller';
import { IngestRunsService } from './ingest-runs.service';

@Module({ controllers: [IngestionController, IngestRunsController], providers: [IngestionService, IngestRunsService] })
export class IngestionModule {}
