import {
  dashboardDocument,
  featureDocument,
  INDEXED_RESOURCE_TYPES,
  tableDocument,
  userDocument,
  type IndexedResourceType,
  type SearchDocuments,
} from '@fram/models';
import type { AuditEntry } from '../store/ports/change-feed';
import type { SearchSource } from './search-source';

/** Keys per resource type: the documents to build and send. */
export type ChangedResources = Record<IndexedResourceType, Set<string>>;

/** No keys of any type (to be filled). */
export const noChanges = (): ChangedResources =>
  Object.fromEntries(INDEXED_RESOURCE_TYPES.map((type) => [type, new Set<string>()])) as ChangedResources;

/** The search documents an audit entry asks to refresh: keys per resource type. */
export function changedResources(entries: readonly AuditEntry[]): ChangedResources {
  const changed = noChanges();
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  for (const e of entries) {
    switch (e.action) {
      case 'ingest_tables':
        for (const key of list(e.detail['keys'])) changed.table.add(key);
        break;
      case 'ingest_dashboards':
        for (const key of list(e.detail['keys'])) changed.dashboard.add(key);
        break;
      case 'ingest_features':
        for (const key of list(e.detail['keys'])) changed.feature.add(key);
        break;
      case 'ingest_reads':
        for (const key of list(e.detail['tables'])) changed.table.add(key);
        for (const key of list(e.detail['dashboards'])) changed.dashboard.add(key);
        break;
      case 'upsert_user':
        changed.user.add(e.resource_key);
        break;
      // A resource gone from the catalog: buildDocuments finds nothing for it, so its document is removed (goneResources).
      case 'remove':
      case 'set_description':
      case 'set_column_description':
      case 'add_tag':
      case 'remove_tag':
      case 'add_badge':
      case 'remove_badge':
        if (e.resource_type === 'table' || e.resource_type === 'dashboard' || e.resource_type === 'feature')
          changed[e.resource_type].add(e.resource_key);
        break;
      default:
        // Owners, bookmarks, lineage (of tables, columns and features) and type metadata are not part of search documents.
        break;
    }
  }
  return changed;
}

/** A search document and the store key it was built from (a person's document key is their email). */
export interface BuiltDocument<T extends IndexedResourceType = IndexedResourceType> {
  resourceKey: string;
  document: SearchDocuments[T];
}

export type BuiltDocuments = { [T in IndexedResourceType]: BuiltDocument<T>[] };

/** Keys per store read: one query each, however many changed. */
export const READ_BATCH = 500;

function* batches(keys: Iterable<string>): Generator<string[]> {
  const all = [...keys];
  for (let i = 0; i < all.length; i += READ_BATCH) yield all.slice(i, i + READ_BATCH);
}

/**
 * Builds the current search documents of some resources from the store, read
 * READ_BATCH keys at a time, with the shared mapping of @fram/models (which
 * trims them to SEARCH_LIMITS); missing ones are skipped, and so are people
 * without an email (their document's key).
 */
export async function buildDocuments(
  store: Pick<SearchSource, 'tablesByKeys' | 'usersByKeys' | 'dashboardsByKeys' | 'featuresByKeys'>,
  changed: ChangedResources,
): Promise<BuiltDocuments> {
  const built: BuiltDocuments = { table: [], user: [], dashboard: [], feature: [] };
  for (const keys of batches(changed.table))
    for (const t of await store.tablesByKeys(keys)) built.table.push({ resourceKey: t.key, document: tableDocument(t) });
  for (const keys of batches(changed.user))
    for (const { key, user, counts } of await store.usersByKeys(keys))
      if (user.email) built.user.push({ resourceKey: key, document: userDocument(user, counts) });
  for (const keys of batches(changed.dashboard))
    for (const d of await store.dashboardsByKeys(keys)) built.dashboard.push({ resourceKey: d.uri, document: dashboardDocument(d) });
  for (const keys of batches(changed.feature))
    for (const f of await store.featuresByKeys(keys)) built.feature.push({ resourceKey: f.key, document: featureDocument(f, f.usage) });
  return built;
}

/** The types whose resources can leave the catalog (people never do), and whose document key is the resource's key. */
export const REMOVABLE_TYPES = ['table', 'dashboard', 'feature'] as const satisfies readonly IndexedResourceType[];
export type RemovableResourceType = (typeof REMOVABLE_TYPES)[number];

/** Keys per removable type: the documents to remove from search. */
export type GoneResources = Record<RemovableResourceType, string[]>;

/**
 * The changed tables, dashboards and features that `built` (buildDocuments over `changed`) has no document for:
 * the store no longer has them, so their documents go from search. People are left out: they are never removed,
 * and a person's document key is an email that a missing record no longer tells.
 */
export function goneResources(changed: ChangedResources, built: BuiltDocuments): GoneResources {
  const gone = (type: RemovableResourceType) => {
    const found = new Set(built[type].map((b) => b.resourceKey));
    return [...changed[type]].filter((key) => !found.has(key));
  };
  return { table: gone('table'), dashboard: gone('dashboard'), feature: gone('feature') };
}
