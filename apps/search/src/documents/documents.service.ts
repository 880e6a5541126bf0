import { Injectable } from '@nestjs/common';
import { InvalidInputError, NotFoundError } from '@fram/errors';
import { SEARCH_DOCUMENT_SCHEMAS, type IndexedResourceType, type SearchDocuments, type UpdateDocumentRequest } from '@fram/models';
import { describeIssues } from '@fram/service';
import { SearchIndex } from '../index/search-index';

interface UpdatableFields {
  /** Lists of names: a value is added or removed. */
  lists: readonly string[];
  /** Free texts: set or cleared. */
  texts: readonly string[];
  /**
   * Amundsen's names for them: its search service's field mapping (v2.1
   * `*_MAPPING`, without the `.keyword` it filters on), e.g. `tag` for `tags`,
   * which Amundsen's frontend sends for table tags.
   */
  aliases: Readonly<Record<string, string>>;
}

/** Fields `POST/DELETE /v2/document` may change, by Fram's names and Amundsen's. */
export const UPDATABLE_FIELDS: Record<IndexedResourceType, UpdatableFields> = {
  table: {
    lists: ['tags', 'badges', 'columns', 'column_descriptions'],
    texts: ['description'],
    aliases: { tag: 'tags', column: 'columns' },
  },
  dashboard: { lists: ['tags', 'badges', 'chart_names', 'query_names'], texts: ['description'], aliases: { tag: 'tags' } },
  user: {
    lists: [],
    texts: ['full_name', 'first_name', 'last_name', 'team_name', 'role_name', 'employee_type', 'manager_email'],
    aliases: { name: 'full_name' },
  },
  feature: { lists: ['tags', 'badges', 'availability'], texts: ['description', 'status', 'entity'], aliases: { tag: 'tags' } },
};

/** Indexing: whole documents in bulk, and Amundsen's change of one field of one document. */
@Injectable()
export class DocumentsService {
  constructor(private readonly index: SearchIndex) {}

  async upsert<T extends IndexedResourceType>(type: T, documents: SearchDocuments[T][]): Promise<{ upserted: number }> {
    return { upserted: await this.index.upsert(type, documents) };
  }

  async remove(type: IndexedResourceType, keys: string[]): Promise<{ removed: number }> {
    return { removed: await this.index.remove(type, keys) };
  }

  /** Sets a text field, or adds the value to a list field (`overwrite`: makes it the list's only value). */
  setValue(change: UpdateDocumentRequest): Promise<{ msg: string }> {
    return this.changeField(change, (current, isList) => {
      const value = change.value;
      if (value === undefined || value === null) throw new InvalidInputError('value is required');
      if (!isList) return value;
      const values = current as string[];
      return change.operation === 'overwrite' ? [value] : values.includes(value) ? values : [...values, value];
    });
  }

  /** Clears a text field, or removes the value from a list field (no value: empties it). */
  removeValue(change: UpdateDocumentRequest): Promise<{ msg: string }> {
    return this.changeField(change, (current, isList) => {
      if (!isList) return null;
      return change.value === undefined || change.value === null ? [] : (current as string[]).filter((v) => v !== change.value);
    });
  }

  private async changeField(
    { resource_type: type, resource_key: key, field: asked }: UpdateDocumentRequest,
    next: (current: unknown, isList: boolean) => unknown,
  ): Promise<{ msg: string }> {
    const fields = UPDATABLE_FIELDS[type];
    const field = Object.hasOwn(fields.aliases, asked) ? fields.aliases[asked] : asked;
    const isList = fields.lists.includes(field);
    if (!isList && !fields.texts.includes(field)) {
      throw new InvalidInputError(
        `${asked} cannot be changed on a ${type} document; use one of ${[...fields.lists, ...fields.texts].join(', ')}`,
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
