import { Body, Controller, Delete, Param, Post, Put, UseGuards } from '@nestjs/common';
import { ApiExcludeEndpoint, ApiOperation } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { RequireRole } from '@fram/auth';
import { InvalidInputError } from '@fram/errors';
import { INDEXED_RESOURCE_TYPES } from '@fram/models';
import {
  RemovedDocumentsDto,
  RemoveDocumentsDto,
  ResourceTypeParams,
  UpdatedDocumentDto,
  UpdateDocumentDto,
  UpsertDashboardsDto,
  UpsertFeaturesDto,
  UpsertedDocumentsDto,
  UpsertTablesDto,
  UpsertUsersDto,
} from './documents.dtos';
import { DocumentsService } from './documents.service';
import { IndexerGuard } from './indexer.guard';

const INDEXERS = 'For services with the write role (metadata) and admins; people who may edit edit through metadata.';

/**
 * Indexing: Amundsen's `POST/DELETE /v2/document` (change one field of one
 * document) and bulk upsert/delete of whole documents. A bulk request with one
 * bad document is refused whole; the answer names the document (index and key).
 */
@Controller('v2')
@RequireRole('write')
@UseGuards(IndexerGuard)
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  @Post('document')
  @ApiOperation({ summary: 'Sets a text field or adds a value to a list field of one document', description: INDEXERS })
  @ZodResponse({ status: 200, type: UpdatedDocumentDto })
  setValue(@Body() change: UpdateDocumentDto) {
    return this.documents.setValue(change);
  }

  @Delete('document')
  @ApiOperation({ summary: 'Clears a text field or removes a value from a list field of one document', description: INDEXERS })
  @ZodResponse({ status: 200, type: UpdatedDocumentDto })
  removeValue(@Body() change: UpdateDocumentDto) {
    return this.documents.removeValue(change);
  }

  @Put('documents/table')
  @ApiOperation({ summary: 'Creates or replaces table documents', description: INDEXERS })
  @ZodResponse({ status: 200, type: UpsertedDocumentsDto })
  upsertTables(@Body() body: UpsertTablesDto) {
    return this.documents.upsert('table', body.documents);
  }

  @Put('documents/user')
  @ApiOperation({ summary: 'Creates or replaces user documents', description: INDEXERS })
  @ZodResponse({ status: 200, type: UpsertedDocumentsDto })
  upsertUsers(@Body() body: UpsertUsersDto) {
    return this.documents.upsert('user', body.documents);
  }

  @Put('documents/dashboard')
  @ApiOperation({ summary: 'Creates or replaces dashboard documents', description: INDEXERS })
  @ZodResponse({ status: 200, type: UpsertedDocumentsDto })
  upsertDashboards(@Body() body: UpsertDashboardsDto) {
    return this.documents.upsert('dashboard', body.documents);
  }

  @Put('documents/feature')
  @ApiOperation({ summary: 'Creates or replaces feature documents', description: INDEXERS })
  @ZodResponse({ status: 200, type: UpsertedDocumentsDto })
  upsertFeatures(@Body() body: UpsertFeaturesDto) {
    return this.documents.upsert('feature', body.documents);
  }

  /** Any other type: a 400 that names the types (the four routes above are the documented ones). */
  @Put('documents/:type')
  @ApiExcludeEndpoint()
  upsertUnknown(@Param('type') type: string): never {
    throw new InvalidInputError(`Unknown resource type ${type}; use ${INDEXED_RESOURCE_TYPES.join(', ')}`);
  }

  @Delete('documents/:type')
  @ApiOperation({ summary: 'Removes documents by key', description: INDEXERS })
  @ZodResponse({ status: 200, type: RemovedDocumentsDto })
  remove(@Param() { type }: ResourceTypeParams, @Body() body: RemoveDocumentsDto) {
    return this.documents.remove(type, body.keys);
  }
}
