import {
  type DashboardRecord,
  ingestDashboardsSchema,
  ingestTablesSchema,
  type LineageRecord,
  schemaKey,
  type TableRecord,
} from '@fram/models';
import { ledgerKey, type LeftOutRecord } from '../../record-check';
import { type DbtArtifacts, describeIssues, readDbtArtifacts } from './dbt-artifacts';
import { dbtDashboards } from './dbt-exposures';
import { dbtLastUpdated } from './dbt-freshness';
import { dbtLineage, DbtUpstreams } from './dbt-lineage';
import { type DbtOptions, dbtSettings } from './dbt-options';
import { type DbtRelation, dbtRelations } from './dbt-relations';
import { dbtTable } from './dbt-tables';
import { descriptionText, type Warn } from './dbt-values';

/** The Fram catalog a dbt project makes: tables, table lineage and dashboards (exposures); a CatalogFile. */
export interface DbtCatalogFile {
  tables: TableRecord[];
  lineage: LineageRecord[];
  dashboards: DashboardRecord[];
}

export interface DbtCatalogResult {
  catalog: DbtCatalogFile;
  /** What was left out or is missing, one line each, naming the dbt node. */
  warnings: string[];
  /** The tables and dashboards left out because Fram would refuse them (each also a warning). */
  leftOut: LeftOutRecord[];
  /** What was read. */
  source: {
    targetDir: string;
    /** The artifacts found besides manifest.json. */
    files: string[];
    manifestVersion: number;
    dbtVersion?: string;
    adapter?: string;
    project?: string;
    generatedAt?: string;
  };
}

/**
 * Reads a dbt target directory (manifest.json, and catalog.json, run_results.json and sources.json when there)
 * and makes the Fram records of its models, seeds, snapshots, sources and exposures. Refuses (DbtArtifactError)
 * what is not dbt's artifacts or a manifest schema other than v4 to v12; what only some nodes lack or break is a
 * warning, and every record it returns is one that metadata's ingestion takes.
 */
export function dbtCatalog(targetDir: string, options: DbtOptions = {}): DbtCatalogResult {
  return dbtCatalogOf(readDbtArtifacts(targetDir), options);
}

/** dbtCatalog on artifacts already read. */
export function dbtCatalogOf(artifacts: DbtArtifacts, options: DbtOptions = {}): DbtCatalogResult {
  const warnings: string[] = [];
  const warn: Warn = (message) => warnings.push(message);
  const leftOut: LeftOutRecord[] = [];
  const refused = (kind: LeftOutRecord['kind'], record: unknown) => {
    const key = ledgerKey(kind, record);
    if (key) leftOut.push({ kind, key });
  };
  const settings = dbtSettings(options);
  const { manifest, catalog } = artifacts;
  const projectName = manifest.metadata.project_name ?? undefined;

  const relations = dbtRelations(manifest, settings, warn);
  const lastUpdated = dbtLastUpdated(artifacts, relations);
  if (!catalog) warn('no catalog.json: column types only where the manifest declares them (dbt docs generate writes catalog.json)');

  const tables: TableRecord[] = [];
  for (const relation of [...relations.tables.values()]) {
    const catalogTable = relation.kind === 'source' ? catalog?.sources?.[relation.uniqueId] : catalog?.nodes[relation.uniqueId];
    if (catalog && !catalogTable)
      warn(`${relation.uniqueId}: not in catalog.json (not built when it was written?): columns and types from the manifest only`);
    const table = dbtTable(relation, { settings, catalogTable, lastUpdated: lastUpdated.get(relation.uniqueId), projectName, warn });
    const checked = ingestTablesSchema.safeParse({ tables: [table] });
    if (checked.success) tables.push(table);
    else {
      warn(`${relation.uniqueId}: left out: Fram would refuse it: ${describeIssues(checked.error)}`);
      refused('table', table);
      relations.tables.delete(relation.uniqueId);
    }
  }
  addSchemaDescriptions(tables, [...relations.tables.values()], warn);

  const upstreams = new DbtUpstreams(relations);
  const dashboards = dbtDashboards(manifest, upstreams, settings, warn).filter((dashboard) => {
    const checked = ingestDashboardsSchema.safeParse({ dashboards: [dashboard] });
    if (!checked.success) {
      warn(`exposure ${dashboard.dashboard_id}: left out: Fram would refuse it: ${describeIssues(checked.error)}`);
      refused('dashboard', dashboard);
    }
    return checked.success;
  });

  return {
    catalog: { tables, lineage: dbtLineage(relations, upstreams), dashboards },
    warnings,
    leftOut,
    source: {
      targetDir: artifacts.targetDir,
      files: [catalog && 'catalog.json', artifacts.runResults && 'run_results.json', artifacts.sources && 'sources.json'].filter(
        (file): file is string => typeof file === 'string',
      ),
      manifestVersion: artifacts.manifestVersion,
      dbtVersion: manifest.metadata.dbt_version ?? undefined,
      adapter: manifest.metadata.adapter_type ?? undefined,
      project: projectName,
      generatedAt: manifest.metadata.generated_at ?? undefined,
    },
  };
}

/**
 * A source's description (`source_description`, the source's as a whole) as its schema's description, which all
 * the schema's tables share: given only when the sources of a schema agree on it.
 */
function addSchemaDescriptions(tables: TableRecord[], relations: DbtRelation[], warn: Warn): void {
  const bySchema = new Map<string, string | null>();
  for (const relation of relations) {
    if (relation.kind !== 'source') continue;
    const text = descriptionText(relation.node.source_description, relation.uniqueId, () => undefined);
    if (!text) continue;
    const key = schemaKey(relation);
    const known = bySchema.get(key);
    if (known === undefined) bySchema.set(key, text);
    else if (known !== null && known !== text) {
      warn(`${key}: its dbt sources describe it differently; its description is left as it is`);
      bySchema.set(key, null);
    }
  }
  const sourceKeys = new Set(relations.filter((relation) => relation.kind === 'source').map((relation) => relation.key));
  for (const table of tables) {
    const text = bySchema.get(schemaKey(table));
    if (text && sourceKeys.has(`${schemaKey(table)}/${table.name}`)) table.schema_description = text;
  }
}
