import { Injectable } from '@nestjs/common';
import { V1_INDEX_NAMES, type SearchDocuments, type V1DocumentType } from '@fram/models';
import { SearchIndex } from '../index/search-index';

/** How many documents are looked up at once when a v1 update checks which exist. */
const LOOKUPS_AT_ONCE = 20;

/**
 * Amundsen's v1 document API: whole documents in its v1 models (already
 * made Fram's by the DTOs). It answers the index name Amundsen would
 * (the one asked for, else its default); Fram keeps one index per type.
 */
@Injectable()
export class V1DocumentsService {
  constructor(private readonly index: SearchIndex) {}

  /** Creates or replaces the documents (Amundsen: bulk index by id). No documents: answers '' and does nothing. */
  async create<T extends V1DocumentType>(type: T, documents: SearchDocuments[T][], index?: string): Promise<string> {
    if (documents.length === 0) return '';
    await this.index.upsert(type, documents);
    return index ?? V1_INDEX_NAMES[type];
  }

  /** Replaces the documents that exist; the others are ignored (Amundsen: bulk update by id). */
  async update<T extends V1DocumentType>(type: T, documents: SearchDocuments[T][], index?: string): Promise<string> {
    if (documents.length === 0) return '';
    const existing: SearchDocuments[T][] = [];
    for (let i = 0; i < documents.length; i += LOOKUPS_AT_ONCE) {
      const batch = documents.slice(i, i + LOOKUPS_AT_ONCE);
      const found = await Promise.all(batch.map((d) => this.index.get(type, d.key)));
      batch.forEach((d, j) => {
        if (found[j]) existing.push(d);
      });
    }
    if (existing.length > 0) await this.index.upsert(type, existing);
    return index ?? V1_INDEX_NAMES[type];
  }

  /** Removes a document by id (Fram's ids are keys); one that is not there is no error, as in Amundsen. */
  async remove(type: V1DocumentType, id: string): Promise<Record<string, never>> {
    await this.index.remove(type, [id]);
    return {};
  }
}
