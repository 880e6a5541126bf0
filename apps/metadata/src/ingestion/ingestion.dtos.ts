import { createZodDto } from 'nestjs-zod';
import {
  ingestColumnLineageSchema,
  ingestDashboardsSchema,
  ingestedSchema,
  ingestLineageSchema,
  ingestReadsSchema,
  ingestTablesSchema,
  ingestUsersSchema,
} from '@fram/models';
import { ingestFeatureLineageSchema, ingestFeaturesSchema } from '@fram/models';

export class IngestTablesDto extends createZodDto(ingestTablesSchema) {}
export class IngestUsersDto extends createZodDto(ingestUsersSchema) {}
export class IngestReadsDto extends createZodDto(ingestReadsSchema) {}
export class IngestLineageDto extends createZodDto(ingestLineageSchema) {}
export class IngestColumnLineageDto extends createZodDto(ingestColumnLineageSchema) {}
export class IngestDashboardsDto extends createZodDto(ingestDashboardsSchema) {}
export class IngestedDto extends createZodDto(ingestedSchema) {}
export class IngestFeaturesDto extends createZodDto(ingestFeaturesSchema) {}
export class IngestFeatureLineageDto extends createZodDto(ingestFeatureLineageSchema) {}
