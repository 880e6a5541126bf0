import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  removeDocumentsRequestSchema,
  removedDocumentsSchema,
  INDEXED_RESOURCE_TYPES,
  updateDocumentRequestSchema,
  updatedDocumentSchema,
  upsertDocumentsRequestSchema,
  upsertedDocumentsSchema,
} from '@fram/models';

export class UpdateDocumentDto extends createZodDto(updateDocumentRequestSchema) {}
export class UpdatedDocumentDto extends createZodDto(updatedDocumentSchema) {}
export class UpsertTablesDto extends createZodDto(upsertDocumentsRequestSchema('table')) {}
export class UpsertUsersDto extends createZodDto(upsertDocumentsRequestSchema('user')) {}
export class UpsertDashboardsDto extends createZodDto(upsertDocumentsRequestSchema('dashboard')) {}
export class UpsertFeaturesDto extends createZodDto(upsertDocumentsRequestSchema('feature')) {}
export class UpsertedDocumentsDto extends createZodDto(upsertedDocumentsSchema) {}
export class RemoveDocumentsDto extends createZodDto(removeDocumentsRequestSchema) {}
export class RemovedDocumentsDto extends createZodDto(removedDocumentsSchema) {}
export class ResourceTypeParams extends createZodDto(
  z.object({ type: z.enum(INDEXED_RESOURCE_TYPES, { error: `Unknown resource type; use ${INDEXED_RESOURCE_TYPES.join(', ')}` }) }),
) {}
