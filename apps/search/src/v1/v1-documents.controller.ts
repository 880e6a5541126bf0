import { applyDecorators, Body, Controller, Delete, Header, HttpCode, Param, Post, Put, Query, UseGuards } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiParam } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { RequireRole } from '@fram/auth';
import type { V1DocumentType } from '@fram/models';
import { IndexerGuard } from '../documents/indexer.guard';
import { V1EmptyDto, V1FeatureDocumentsDto, V1IndexQueryDto, V1TableDocumentsDto, V1UserDocumentsDto } from './v1.dtos';
import { V1DocumentsService } from './v1-documents.service';

const INDEXERS =
  "Amundsen's v1 document API, for services with the write role and admins. Answers the index name " +
  "(the one asked for in `index`, else Amundsen's default) as a JSON string; a document that does not fit its model is a 400 naming it.";
const ID = ApiParam({
  name: 'id',
  type: String,
  description: "The document's id: Fram's ids are keys (unencoded or URL-encoded), e.g. hive://gold.core/orders",
});

/**
 * Answers the index name as Amundsen does: a JSON string (`"table_search_index"`), 200. Nest would send
 * a bare string as text, so the handlers encode it and the content type is set here.
 */
const INDEX_NAME = applyDecorators(
  HttpCode(200),
  Header('content-type', 'application/json; charset=utf-8'),
  ApiOkResponse({
    schema: { type: 'string', description: 'The index that was used (Amundsen answers its name; empty when no documents came)' },
  }),
);

/** A wildcard route parameter (its path segments) as the text it matched. */
const joined = (id: string | string[]) => (Array.isArray(id) ? id.join('/') : id);
const json = (text: string) => JSON.stringify(text);

/**
 * Amundsen's v1 document API: `POST` creates or replaces documents, `PUT`
 * replaces those that exist (ignoring the others), `DELETE /{id}` removes
 * one (answering `{}` whether or not it was there), as Amundsen's bulk calls do.
 */
@Controller()
@RequireRole('write')
@UseGuards(IndexerGuard)
export class V1DocumentsController {
  constructor(private readonly documents: V1DocumentsService) {}

  @Post('document_table')
  @ApiOperation({ summary: 'Creates or replaces table documents', description: INDEXERS })
  @INDEX_NAME
  async createTables(@Body() body: V1TableDocumentsDto, @Query() query: V1IndexQueryDto) {
    return json(await this.documents.create('table', body.data, body.index ?? query.index));
  }

  @Put('document_table')
  @ApiOperation({ summary: 'Replaces table documents that exist', description: INDEXERS })
  @INDEX_NAME
  async updateTables(@Body() body: V1TableDocumentsDto, @Query() query: V1IndexQueryDto) {
    return json(await this.documents.update('table', body.data, body.index ?? query.index));
  }

  @Delete('document_table/*id')
  @ID
  @ApiOperation({ summary: 'Removes a table document', description: INDEXERS })
  @ZodResponse({ status: 200, type: V1EmptyDto })
  removeTable(@Param('id') id: string | string[], @Query() _query: V1IndexQueryDto) {
    return this.remove('table', id);
  }

  @Post('document_user')
  @ApiOperation({ summary: 'Creates or replaces user documents', description: INDEXERS })
  @INDEX_NAME
  async createUsers(@Body() body: V1UserDocumentsDto, @Query() query: V1IndexQueryDto) {
    return json(await this.documents.create('user', body.data, body.index ?? query.index));
  }

  @Put('document_user')
  @ApiOperation({ summary: 'Replaces user documents that exist', description: INDEXERS })
  @INDEX_NAME
  async updateUsers(@Body() body: V1UserDocumentsDto, @Query() query: V1IndexQueryDto) {
    return json(await this.documents.update('user', body.data, body.index ?? query.index));
  }

  @Delete('document_user/*id')
  @ID
  @ApiOperation({ summary: 'Removes a user document (its id is the email)', description: INDEXERS })
  @ZodResponse({ status: 200, type: V1EmptyDto })
  removeUser(@Param('id') id: string | string[], @Query() _query: V1IndexQueryDto) {
    return this.remove('user', id);
  }

  @Post('document_feature')
  @ApiOperation({ summary: 'Creates or replaces ML feature documents', description: INDEXERS })
  @INDEX_NAME
  async createFeatures(@Body() body: V1FeatureDocumentsDto, @Query() query: V1IndexQueryDto) {
    return json(await this.documents.create('feature', body.data, body.index ?? query.index));
  }

  @Put('document_feature')
  @ApiOperation({ summary: 'Replaces ML feature documents that exist', description: INDEXERS })
  @INDEX_NAME
  async updateFeatures(@Body() body: V1FeatureDocumentsDto, @Query() query: V1IndexQueryDto) {
    return json(await this.documents.update('feature', body.data, body.index ?? query.index));
  }

  @Delete('document_feature/*id')
  @ID
  @ApiOperation({ summary: 'Removes an ML feature document (its id is its key, group/name/version)', description: INDEXERS })
  @ZodResponse({ status: 200, type: V1EmptyDto })
  removeFeature(@Param('id') id: string | string[], @Query() _query: V1IndexQueryDto) {
    return this.remove('feature', id);
  }

  private remove(type: V1DocumentType, id: string | string[]) {
    return this.documents.remove(type, joined(id));
  }
}
