import { createZodDto } from 'nestjs-zod';
import {
  v1DocumentsRequestSchema,
  v1EmptySchema,
  v1FilterRequestSchema,
  v1IndexQuerySchema,
  v1SearchQuerySchema,
  v1SearchResultSchemas,
} from '@fram/models';

export class V1SearchQueryDto extends createZodDto(v1SearchQuerySchema) {}
export class V1FilterRequestDto extends createZodDto(v1FilterRequestSchema) {}
export class V1TableResultDto extends createZodDto(v1SearchResultSchemas.table) {}
export class V1UserResultDto extends createZodDto(v1SearchResultSchemas.user) {}
export class V1DashboardResultDto extends createZodDto(v1SearchResultSchemas.dashboard) {}
export class V1FeatureResultDto extends createZodDto(v1SearchResultSchemas.feature) {}
export class V1TableDocumentsDto extends createZodDto(v1DocumentsRequestSchema('table')) {}
export class V1UserDocumentsDto extends createZodDto(v1DocumentsRequestSchema('user')) {}
export class V1FeatureDocumentsDto extends createZodDto(v1DocumentsRequestSchema('feature')) {}
export class V1IndexQueryDto extends createZodDto(v1IndexQuerySchema) {}
export class V1EmptyDto extends createZodDto(v1EmptySchema) {}
