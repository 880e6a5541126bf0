import { createZodDto } from 'nestjs-zod';
import {
  ingestDashboardsSchema,
  ingestedSchema,
  ingestLineageSchema,
  ingestReadsSchema,
  ingestTablesSchema,
  ingestUsersSchema,
} from '@fram/models';

export class IngestTablesDto extends createZodDto(ingestTablesSchema) {}
export class IngestUsersDto extends createZodDto(ingestUsersSchema) {}
export class IngestReadsDto extends createZodDto(ingestReadsSchema) {}
export class IngestLineageDto extends createZodDto(ingestLineageSchema) {}
export class IngestDashboardsDto extends createZodDto(ingestDashboardsSchema) {}
export class IngestedDto extends createZodDto(ingestedSchema) {}
