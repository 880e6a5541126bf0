import type { ColumnRecord, TableRecord } from '@fram/models';
import type { DbtCatalogTable, DbtColumn } from './dbt-artifacts';
import type { DbtSettings } from './dbt-options';
import type { DbtRelation } from './dbt-relations';
import { descriptionText, metaBadges, metaValue, nonEmpty, ownerIds, tagList, type Warn } from './dbt-values';

/** What making a table record needs besides its relation. */
export interface DbtTableContext {
  settings: DbtSettings;
  /** The relation in catalog.json (column types and order, the warehouse's comments), if there. */
  catalogTable?: DbtCatalogTable;
  /** When its data last changed (see dbtLastUpdated). */
  lastUpdated?: number;
  /** The manifest's own project: only its files are in the repository sourceUrl names. */
  projectName?: string;
  warn: Warn;
}

/** The source of the descriptions dbt's docs hold, as Fram keeps them apart (programmatic descriptions). */
export const DBT_DESCRIPTION_SOURCE = 'dbt';

/** A model, seed, snapshot or source as the Fram table record `POST /ingest/tables` takes. */
export function dbtTable(relation: DbtRelation, context: DbtTableContext): TableRecord {
  const { settings, catalogTable, warn } = context;
  const { node, uniqueId } = relation;
  const meta = nodeMeta(relation);
  const dbtDescription = descriptionText(node.description, uniqueId, warn);
  const table: TableRecord = {
    database: relation.database,
    cluster: relation.cluster,
    schema: relation.schema,
    name: relation.name,
    is_view: isView(relation, catalogTable),
    description: dbtDescription ?? descriptionText(catalogTable?.metadata.comment, uniqueId, warn),
    columns: dbtColumns(relation, catalogTable, settings, warn),
    // A list dbt has nothing for is left out, so that what people gave the table in Fram stays.
    tags: nonEmpty(tagList(node.tags, uniqueId, warn)),
    badges: nonEmpty(metaBadges(meta, settings.badgeMetaKeys, 'table')),
    owners: nonEmpty(ownerIds(metaValue(meta, settings.ownerMetaKey), uniqueId, warn)),
    programmatic_descriptions: dbtDescription ? [{ source: DBT_DESCRIPTION_SOURCE, text: dbtDescription }] : undefined,
  };
  if (context.lastUpdated !== undefined) table.last_updated_timestamp = context.lastUpdated;
  // dbt writes models, seeds and snapshots; sources are written by something else.
  if (relation.kind !== 'source') table.applications = [{ id: uniqueId, name: 'dbt', kind: 'Producing' }];
  const link = sourceLink(relation, context);
  if (link) table.source = { source_type: 'dbt', source: link };
  return table;
}

/** A node's meta: a source's table inherits its source's; `config.meta` (dbt 1.10's place) wins over `meta`. */
function nodeMeta(relation: DbtRelation): Record<string, unknown> {
  const { node } = relation;
  const inherited = relation.kind === 'source' ? (relation.node.source_meta ?? {}) : {};
  return { ...inherited, ...(node.meta ?? {}), ...(node.config?.meta ?? {}) };
}

/** A view as the warehouse reports it in catalog.json, else as dbt materializes it; sources unknown without catalog.json. */
function isView(relation: DbtRelation, catalogTable: DbtCatalogTable | undefined): boolean | undefined {
  const type = catalogTable?.metadata.type?.toLowerCase();
  if (type) return type.includes('view');
  if (relation.kind === 'source') return undefined;
  const materialized = relation.node.config?.materialized ?? '';
  return materialized === 'view' || materialized === 'materialized_view';
}

/**
 * The columns: those catalog.json has, in its order with its types, described by the manifest (or by the
 * warehouse's comment); then those only the manifest declares (documented, but not in the warehouse when
 * catalog.json was written), with the type the manifest gives them, if any.
 */
function dbtColumns(relation: DbtRelation, catalogTable: DbtCatalogTable | undefined, settings: DbtSettings, warn: Warn): ColumnRecord[] {
  const where = relation.uniqueId;
  const declared = new Map<string, DbtColumn>();
  for (const column of Object.values(relation.node.columns ?? {})) declared.set(column.name.toLowerCase(), column);
  const columns: ColumnRecord[] = [];
  const names = new Set<string>();
  const add = (name: string, column: Omit<ColumnRecord, 'name'>) => {
    const finalName = settings.lowercase ? name.toLowerCase() : name;
    if (names.has(finalName)) {
      warn(`${where}: column ${name} left out: another column has the name ${finalName}`);
      return;
    }
    names.add(finalName);
    columns.push({ name: finalName, ...column });
  };
  const fromManifest = (column: DbtColumn | undefined) => ({
    description: descriptionText(column?.description, `${where}.${column?.name}`, warn),
    badges: nonEmpty(metaBadges({ ...(column?.meta ?? {}), ...(column?.config?.meta ?? {}) }, settings.badgeMetaKeys, 'column')),
  });

  let next = 1;
  if (catalogTable) {
    const inWarehouse = Object.values(catalogTable.columns).sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
    for (const column of inWarehouse) {
      const own = declared.get(column.name.toLowerCase());
      declared.delete(column.name.toLowerCase());
      const { description, badges } = fromManifest(own);
      const sortOrder = column.index !== null && column.index !== undefined && column.index >= 0 ? Math.floor(column.index) : next;
      next = Math.max(next, sortOrder + 1);
      add(column.name, {
        col_type: column.type ?? own?.data_type ?? '',
        description: description ?? descriptionText(column.comment, `${where}.${column.name}`, warn),
        sort_order: sortOrder,
        badges,
      });
    }
    if (declared.size > 0)
      warn(`${where}: column${declared.size > 1 ? 's' : ''} ${[...declared.values()].map((c) => c.name).join(', ')} not in catalog.json`);
  }
  for (const column of declared.values())
    add(column.name, { col_type: column.data_type ?? '', sort_order: next++, ...fromManifest(column) });
  return columns;
}

/** The node's file under `sourceUrl`, for the manifest's own project's nodes (a package's files are elsewhere). */
function sourceLink(relation: DbtRelation, context: DbtTableContext): string | undefined {
  const base = context.settings.sourceUrl;
  const path = relation.node.original_file_path;
  if (!base || !path) return undefined;
  if (context.projectName !== undefined && relation.node.package_name !== context.projectName) return undefined;
  return `${base.replace(/\/+$/, '')}/${path.replace(/\\/g, '/').replace(/^\.?\//, '')}`;
}
