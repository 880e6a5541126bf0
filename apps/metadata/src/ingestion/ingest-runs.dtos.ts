import { createZodDto } from 'nestjs-zod';
import {
  finishedIngestRunSchema,
  finishIngestRunSchema,
  ingestRecordsQuerySchema,
  ingestRecordsSchema,
  ingestRunQuerySchema,
  ingestRunSchema,
  ingestSourcesSchema,
  startIngestRunSchema,
} from '@fram/models';

export class StartIngestRunDto extends createZodDto(startIngestRunSchema) {}
export class IngestRunDto extends createZodDto(ingestRunSchema) {}
export class FinishIngestRunDto extends createZodDto(finishIngestRunSchema) {}
export class FinishedIngestRunDto extends createZodDto(finishedIngestRunSchema) {}
export class IngestRecordsQueryDto extends createZodDto(ingestRecordsQuerySchema) {}
export class IngestRecordsDto extends createZodDto(ingestRecordsSchema) {}
export class IngestSourcesDto extends createZodDto(ingestSourcesSchema) {}
export class IngestRunQueryDto extends createZodDto(ingestRunQuerySchema) {}
