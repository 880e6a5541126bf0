import type { CatalogFile } from '../../ingest-client';
import { mapDashboards } from './dashboard-mapping';
import { mapFeatureLineage, mapFeatures } from './feature-mapping';
import { readGraph } from './graph-files';
import { mapReads, mapUsers } from './people-mapping';
import { mapColumnLineage, mapLineage, mapTables } from './table-mapping';
import { unusedWarnings, Warnings, type DatabuilderWarning } from './warnings';

export interface DatabuilderCatalogResult {
  /** The records, in the shapes of metadata's `POST /ingest/{kind}` (kinds with no records are left out). */
  catalog: CatalogFile;
  /** What the files hold that Fram does not import, counted by label or relationship type. */
  warnings: DatabuilderWarning[];
  /** How many CSV files were read. */
  files: number;
}

/**
 * Reads what databuilder's FsNeo4jCSVLoader wrote under `dir` (`nodes/*.csv`, `relationships/*.csv`: the files its
 * Neo4jCsvPublisher would send to Neo4j) and makes the catalog Fram ingests from it: tables with everything that
 * belongs to them, users, dashboards, features, table, column and feature lineage, and reads. A file that is not CSV
 * as the loader writes it is an error naming the file and line (CsvError); a folder with neither `nodes/` nor
 * `relationships/` is a DatabuilderError.
 */
export function databuilderCatalog(dir: string): DatabuilderCatalogResult {
  const { graph, files } = readGraph(dir);
  const warnings = new Warnings();
  const catalog: CatalogFile = {
    users: mapUsers(graph),
    tables: mapTables(graph, warnings),
    dashboards: mapDashboards(graph, warnings),
    features: mapFeatures(graph, warnings),
    lineage: mapLineage(graph, warnings),
    column_lineage: mapColumnLineage(graph, warnings),
    feature_lineage: mapFeatureLineage(graph, warnings),
    reads: mapReads(graph, warnings),
  };
  unusedWarnings(graph, warnings);
  for (const kind of Object.keys(catalog) as (keyof CatalogFile)[]) if (catalog[kind]?.length === 0) delete catalog[kind];
  return { catalog, warnings: warnings.list(), files };
}
