import { Body, Controller, Delete, HttpCode, Param, Post, Put } from '@nestjs/common';
import { z } from 'zod';
import { CurrentUser, InsufficientScopeError, NoRoleRequired, type Principal } from '@fram/auth';
import { InvalidInputError, NotFoundError } from '@fram/errors';
import { SEARCH_LIMITS, SEARCH_RESOURCE_TYPES, type SearchDocuments, type SearchResourceType } from '@fram/models';
import { SearchIndex } from '../index/search-index';
import { parseBody } from '../common/parse-body';
import { DOCUMENT_SCHEMAS, UPDATABLE_FIELDS } from './document-schemas';

const updateRequest = z
  .object({
    resource_key: z.string().min(1).max(SEARCH_LIMITS.key),
    resource_type: z.enum(SEARCH_RESOURCE_TYPES, { error: `resource_type must be one of ${SEARCH_RESOURCE_TYPES.join(', ')}` }),
    field: z.string().min(1).max(100),
    value: z.string().max(SEARCH_LIMITS.description).optional(),
    operation: z.enum(['add', 'overwrite']).optional(),
  })
  .strict();

/** Indexing is for services (the metadata service's own identity, with write:data) and admins. */
function assertIndexer(principal: Principal): void {
  if (principal.roles.includes('admin')) return;
  if (principal.kind === 'service' && principal.roles.includes('write')) return;
  throw new InsufficientScopeError([], 'a service identity with the "write" role, or the "admin" role');
}

/**
 * Indexing: Amundsen's `POST/DELETE /v2/document` (change one field of one
 * document) and bulk upsert/delete of whole documents.
 */
@Controller('v2')
@NoRoleRequired()
export class DocumentsController {
  constructor(private readonly index: SearchIndex) {}

  @Post('document')
  @HttpCode(200)
  async update(@Body() body: unknown, @CurrentUser() principal: Principal) {
    assertIndexer(principal);
    const change = parseBody(updateRequest, body);
    return this.changeField(change.resource_type, change.resource_key, change.field, (current, isList) => {
      if (change.value === undefined) throw new InvalidInputError('value is required');
      if (!isList) return change.value;
      const values = current as string[];
      return change.operation === 'overwrite' ? [change.value] : values.includes(change.value) ? values : [...values, change.value];
    });
  }

  @Delete('document')
  @HttpCode(200)
  async deleteValue(@Body() body: unknown, @CurrentUser() principal: Principal) {
    assertIndexer(principal);
    const change = parseBody(updateRequest, body);
    return this.changeField(change.resource_type, change.resource_key, change.field, (current, isList) => {
      if (!isList) return null;
      return change.value === undefined ? [] : (current as string[]).filter((v) => v !== change.value);
    });
  }

  /** `PUT /v2/documents/{type}` with `{documents: [...]}`: creates or replaces whole documents. */
  @Put('documents/:type')
  @HttpCode(200)
  async upsert(@Param('type') typeName: string, @Body() body: unknown, @CurrentUser() principal: Principal) {
    assertIndexer(principal);
    const type = resourceType(typeName);
    const { documents } = parseBody(z.object({ documents: z.array(z.unknown()).min(1).max(10_000) }).strict(), body);
    // One bad document refuses the batch; the answer names it (index and key), so a sender can set it aside.
    const checked = documents.map((doc, i) => {
      const key = (doc as { key?: unknown } | null)?.key;
      return parseBody(DOCUMENT_SCHEMAS[type], doc, `documents.${i}${typeof key === 'string' ? ` (${key.slice(0, 200)})` : ''}`);
    });
    return { upserted: await this.index.upsert(type, checked as SearchDocuments[typeof type][]) };
  }

  /** `DELETE /v2/documents/{type}` with `{keys: [...]}`. */
  @Delete('documents/:type')
  @HttpCode(200)
  async remove(@Param('type') typeName: string, @Body() body: unknown, @CurrentUser() principal: Principal) {
    assertIndexer(principal);
    const type = resourceType(typeName);
    const { keys } = parseBody(z.object({ keys: z.array(z.string().min(1)).min(1).max(10_000) }).strict(), body);
    return { removed: await this.index.remove(type, keys) };
  }

  private async changeField(
    type: SearchResourceType,
    key: string,
    field: string,
    next: (current: unknown, isList: boolean) => unknown,
  ): Promise<{ msg: string }> {
    const fields = UPDATABLE_FIELDS[type];
    const isList = fields.lists.includes(field);
    if (!isList && !fields.texts.includes(field)) {
      throw new InvalidInputError(
        `${field} cannot be changed on a ${type} document; use one of ${[...fields.lists, ...fields.texts].join(', ')}`,
      );
    }
    const doc = (await this.index.get(type, key)) as Record<string, unknown> | undefined;
    if (!doc) throw new NotFoundError(`No ${type} document ${key}`);
    const changed = parseBody(DOCUMENT_SCHEMAS[type], { ...doc, [field]: next(doc[field], isList) }, `${type} ${key}`);
    await this.index.upsert(type, [changed as SearchDocuments[typeof type]]);
    return { msg: `Updated ${field} of ${type} ${key}` };
  }
}

function resourceType(name: string): SearchResourceType {
  if (!(SEARCH_RESOURCE_TYPES as readonly string[]).includes(name))
    throw new InvalidInputError(`Unknown resource type ${name}; use ${SEARCH_RESOURCE_TYPES.join(', ')}`);
  return name as SearchResourceType;
}
