import { dashboardDocument, fitSearchDocument, userDocument, type SearchDocuments, type SearchResourceType } from '@fram/models';
import type { AuditEntry } from '../store/ports/change-feed';
import type { SearchSource } from './search-source';

/** The search documents an audit entry asks to refresh: keys per resource type. */
export function changedResources(entries: readonly AuditEntry[]): Record<SearchResourceType, Set<string>> {
  const changed = { table: new Set<string>(), user: new Set<string>(), dashboard: new Set<string>() };
  const list = (value: unknown) => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);
  for (const e of entries) {
    switch (e.action) {
      case 'ingest_tables':
        for (const key of list(e.detail['keys'])) changed.table.add(key);
        break;
      case 'ingest_dashboards':
        for (const key of list(e.detail['keys'])) changed.dashboard.add(key);
        break;
      case 'ingest_reads':
        for (const key of list(e.detail['tables'])) changed.table.add(key);
        for (const key of list(e.detail['dashboards'])) changed.dashboard.add(key);
        break;
      case 'upsert_user':
        changed.user.add(e.resource_key);
        break;
      case 'set_description':
      case 'set_column_description':
      case 'add_tag':
      case 'remove_tag':
      case 'add_badge':
      case 'remove_badge':
        if (e.resource_type === 'table' || e.resource_type === 'dashboard') changed[e.resource_type].add(e.resource_key);
        break;
      default:
        // Owners, bookmarks and lineage are not part of search documents.
        break;
    }
  }
  return changed;
}

/** A search document and the store key it was built from (a person's document key is their email). */
export interface BuiltDocument<T extends SearchResourceType = SearchResourceType> {
  resourceKey: string;
  document: SearchDocuments[T];
}

export type BuiltDocuments = { [T in SearchResourceType]: BuiltDocument<T>[] };

/**
 * Builds the current search documents of some resources from the store,
 * trimmed to SEARCH_LIMITS (long texts are indexed truncated, not refused);
 * missing ones are skipped.
 */
export async function buildDocuments(
  store: Pick<SearchSource, 'getTable' | 'getUser' | 'getDashboard'>,
  changed: Record<SearchResourceType, Set<string>>,
): Promise<BuiltDocuments> {
  const built: BuiltDocuments = { table: [], user: [], dashboard: [] };
  for (const key of changed.table) {
    const t = await store.getTable(key);
    if (!t) continue;
    const document = fitSearchDocument('table', {
      key: t.key,
      database: t.database,
      cluster: t.cluster,
      schema: t.schema,
      name: t.name,
      description: t.description,
      columns: t.columns.map((c) => c.name),
      column_descriptions: t.columns.flatMap((c) => (c.description ? [c.description] : [])),
      tags: t.tags.map((tag) => tag.tag_name),
      badges: t.badges.map((b) => b.badge_name),
      last_updated_timestamp: t.last_updated_timestamp,
      total_usage: t.usage.total,
      unique_usage: t.usage.unique,
    });
    built.table.push({ resourceKey: key, document });
  }
  for (const key of changed.user) {
    const u = await store.getUser(key);
    if (u && u.email) built.user.push({ resourceKey: key, document: fitSearchDocument('user', userDocument(u)) });
  }
  for (const key of changed.dashboard) {
    const d = await store.getDashboard(key);
    if (!d) continue;
    const document = fitSearchDocument('dashboard', {
      ...dashboardDocument({ product: d.product, cluster: d.cluster, group_name: d.group_name, name: d.name }, d.recent_view_count),
      group_url: d.group_url,
      url: d.url,
      description: d.description,
      chart_names: d.chart_names,
      tags: d.tags.map((t) => t.tag_name),
      badges: d.badges.map((b) => b.badge_name),
      last_successful_run_timestamp: d.last_successful_run_timestamp,
    });
    built.dashboard.push({ resourceKey: key, document });
  }
  return built;
}
