import { Injectable } from '@nestjs/common';
import { InvalidInputError, NotFoundError } from '@fram/errors';
import { SEARCH_DOCUMENT_SCHEMAS, type SearchDocuments, type SearchResourceType, type UpdateDocumentRequest } from '@fram/models';
import { describeIssues } from '@fram/service';
import { SearchIndex } from '../index/search-index';

/** Fields `POST/DELETE /v2/document` may change: lists of names, and free texts. */
export const UPDATABLE_FIELDS: Record<SearchResourceType, { lists: readonly string[]; texts: readonly string[] }> = {
  table: { lists: ['tags', 'badges', 'columns', 'column_descriptions'], texts: ['description'] },
  dashboard: { lists: ['tags', 'badges', 'chart_names', 'query_names'], texts: ['description'] },
  user: { lists: [], texts: ['full_name', 'team_name', 'role_name', 'employee_type', 'manager_email'] },
};

/** Indexing: whole documents in bulk, and Amundsen's change of one field of one document. */
@Injectable()
export class DocumentsService {
  constructor(private readonly index: SearchIndex) {}

  async upsert<T extends SearchResourceType>(type: T, documents: SearchDocuments[T][]): Promise<{ upserted: number }> {
    return { upserted: await this.index.upsert(type, documents) };
  }

  async remove(type: SearchResourceType, keys: string[]): Promise<{ removed: number }> {
    return { removed: await this.index.remove(type, keys) };
  }

  /** Sets a text field, or adds the value to a list field (`overwrite`: makes it the list's only value). */
  setValue(change: UpdateDocumentRequest): Promise<{ msg: string }> {
    return this.changeField(change, (current, isList) => {
      if (change.value === undefined) throw new InvalidInputError('value is required');
      if (!isList) return change.value;
      const values = current as string[];
      return change.operation === 'overwrite' ? [change.value] : values.includes(change.value) ? values : [...values, change.value];
    });
  }

  /** Clears a text field, or removes the value from a list field (no value: empties it). */
  removeValue(change: UpdateDocumentRequest): Promise<{ msg: string }> {
    return this.changeField(change, (current, isList) => {
      if (!isList) return null;
      return change.value === undefined ? [] : (current as string[]).filter((v) => v !== change.value);
    });
  }

  private async changeField(
    { resource_type: type, resource_key: key, field }: UpdateDocumentRequest,
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
    // The changed document is held to the same rules as a whole one (SEARCH_LIMITS).
    const changed = { ...doc, [field]: next(doc[field], isList) };
    const checked = SEARCH_DOCUMENT_SCHEMAS[type].safeParse(changed);
    if (!checked.success) throw new InvalidInputError(`${type} ${key}: ${describeIssues(checked.error, changed, 'document')}`);
    await this.index.upsert(type, [checked.data]);
    return { msg: `Updated ${field} of ${type} ${key}` };
  }
}
