import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { z } from 'zod';
import { SourceReadError } from '../../source-read-error';

/*
 * dbt's artifacts (https://docs.getdbt.com/reference/artifacts/dbt-artifacts), read from a target directory and
 * checked with zod for the fields Fram uses; every other field is let through untouched. Each schema is loose on
 * purpose: dbt adds fields in every version, and a field Fram does not read must not refuse a manifest.
 */

/** The manifest schema versions Fram reads: v4 (dbt 1.0) to v12 (dbt 1.8 and later). */
export const DBT_MANIFEST_VERSIONS = { min: 4, max: 12 } as const;

/** A target directory that cannot be read as dbt artifacts: the message names the file and what is wrong. */
export class DbtArtifactError extends SourceReadError {}

const meta = z.record(z.string(), z.unknown());
const textOrNull = z.string().nullish();
const dependsOn = z
  .object({ nodes: z.array(z.string()).nullish() })
  .loose()
  .nullish();

export const dbtColumnSchema = z
  .object({
    name: z.string(),
    description: textOrNull,
    data_type: textOrNull,
    meta: meta.nullish(),
    config: z.object({ meta: meta.nullish() }).loose().nullish(),
    tags: z.array(z.string()).nullish(),
  })
  .loose();
export type DbtColumn = z.infer<typeof dbtColumnSchema>;

const nodeConfig = z.object({ materialized: textOrNull, meta: meta.nullish(), enabled: z.boolean().nullish() }).loose().nullish();

/** A model, seed or snapshot of `manifest.nodes` (the only kinds that make relations). */
export const dbtNodeSchema = z
  .object({
    unique_id: z.string(),
    resource_type: z.string(),
    package_name: z.string(),
    name: z.string(),
    database: textOrNull,
    schema: z.string(),
    alias: textOrNull,
    description: textOrNull,
    columns: z.record(z.string(), dbtColumnSchema).nullish(),
    meta: meta.nullish(),
    tags: z.array(z.string()).nullish(),
    config: nodeConfig,
    original_file_path: textOrNull,
    depends_on: dependsOn,
    version: z.union([z.string(), z.number()]).nullish(),
  })
  .loose();
export type DbtNode = z.infer<typeof dbtNodeSchema>;

/** A table of `manifest.sources`. */
export const dbtSourceSchema = z
  .object({
    unique_id: z.string(),
    resource_type: z.string(),
    package_name: z.string(),
    source_name: z.string(),
    source_description: textOrNull,
    name: z.string(),
    identifier: textOrNull,
    database: textOrNull,
    schema: z.string(),
    description: textOrNull,
    columns: z.record(z.string(), dbtColumnSchema).nullish(),
    meta: meta.nullish(),
    source_meta: meta.nullish(),
    tags: z.array(z.string()).nullish(),
    config: nodeConfig,
    original_file_path: textOrNull,
  })
  .loose();
export type DbtSource = z.infer<typeof dbtSourceSchema>;

/** A dashboard, notebook, application, ... that reads dbt's relations (`manifest.exposures`). */
export const dbtExposureSchema = z
  .object({
    unique_id: z.string(),
    name: z.string(),
    package_name: z.string(),
    type: z.string(),
    label: textOrNull,
    owner: z.object({ email: textOrNull, name: textOrNull }).loose().nullish(),
    description: textOrNull,
    url: textOrNull,
    maturity: textOrNull,
    tags: z.array(z.string()).nullish(),
    meta: meta.nullish(),
    config: nodeConfig,
    depends_on: dependsOn,
  })
  .loose();
export type DbtExposure = z.infer<typeof dbtExposureSchema>;

/** Any entry of a manifest's maps: parsed in full only when it is a kind Fram reads (see the schemas above). */
const anyEntry = z.object({ resource_type: z.string().optional() }).loose();

const manifestSchema = z
  .object({
    metadata: z
      .object({
        dbt_schema_version: z.string(),
        dbt_version: textOrNull,
        generated_at: textOrNull,
        adapter_type: textOrNull,
        project_name: textOrNull,
      })
      .loose(),
    nodes: z.record(z.string(), anyEntry),
    sources: z.record(z.string(), anyEntry).nullish(),
    exposures: z.record(z.string(), anyEntry).nullish(),
  })
  .loose();
export type DbtManifest = z.infer<typeof manifestSchema>;

const catalogTableSchema = z
  .object({
    metadata: z.object({ type: textOrNull, schema: textOrNull, name: textOrNull, database: textOrNull, comment: textOrNull }).loose(),
    columns: z.record(
      z.string(),
      z.object({ type: textOrNull, index: z.number().nullish(), name: z.string(), comment: textOrNull }).loose(),
    ),
    stats: z.record(z.string(), z.object({ value: z.unknown() }).loose()).nullish(),
    unique_id: textOrNull,
  })
  .loose();
export type DbtCatalogTable = z.infer<typeof catalogTableSchema>;

const catalogSchema = z
  .object({
    metadata: z.object({ dbt_schema_version: textOrNull }).loose().nullish(),
    nodes: z.record(z.string(), catalogTableSchema),
    sources: z.record(z.string(), catalogTableSchema).nullish(),
  })
  .loose();
export type DbtCatalogJson = z.infer<typeof catalogSchema>;

const timingSchema = z.array(z.object({ name: z.string(), started_at: textOrNull, completed_at: textOrNull }).loose()).nullish();

const runResultsSchema = z
  .object({
    metadata: z.object({ generated_at: textOrNull }).loose().nullish(),
    args: z.object({ which: textOrNull, rpc_method: textOrNull }).loose().nullish(),
    results: z.array(z.object({ unique_id: z.string(), status: z.string().nullish(), timing: timingSchema }).loose()),
  })
  .loose();
export type DbtRunResults = z.infer<typeof runResultsSchema>;

const sourcesSchema = z
  .object({
    results: z.array(
      z.object({ unique_id: z.string(), status: z.string().nullish(), max_loaded_at: textOrNull, snapshotted_at: textOrNull }).loose(),
    ),
  })
  .loose();
export type DbtSourcesJson = z.infer<typeof sourcesSchema>;

/** What a target directory holds: the manifest always, the other files when dbt wrote them. */
export interface DbtArtifacts {
  /** The directory read. */
  targetDir: string;
  manifest: DbtManifest;
  /** The manifest's schema version, e.g. 12. */
  manifestVersion: number;
  catalog?: DbtCatalogJson;
  runResults?: DbtRunResults;
  sources?: DbtSourcesJson;
}

/**
 * Reads `manifest.json` and, when present, `catalog.json`, `run_results.json` and `sources.json` from a target
 * directory (or the directory of a manifest.json given as the path). A manifest whose schema version Fram does
 * not read is refused, as is any file that is not what dbt writes.
 */
export function readDbtArtifacts(target: string): DbtArtifacts {
  const targetDir = isFile(target) && basename(target) === 'manifest.json' ? dirname(target) : target;
  if (!existsSync(targetDir)) throw new DbtArtifactError(`${targetDir} does not exist`);
  const manifestPath = join(targetDir, 'manifest.json');
  if (!existsSync(manifestPath))
    throw new DbtArtifactError(`${targetDir} has no manifest.json (dbt writes it to target/ on dbt compile, run, build or docs generate)`);
  const manifest = parseFile(manifestPath, manifestSchema);
  const manifestVersion = manifestSchemaVersion(manifest.metadata.dbt_schema_version, manifestPath);
  return {
    targetDir,
    manifest,
    manifestVersion,
    catalog: optionalFile(join(targetDir, 'catalog.json'), catalogSchema),
    runResults: optionalFile(join(targetDir, 'run_results.json'), runResultsSchema),
    sources: optionalFile(join(targetDir, 'sources.json'), sourcesSchema),
  };
}

/** The number in `https://schemas.getdbt.com/dbt/manifest/v12.json`, refused outside DBT_MANIFEST_VERSIONS. */
export function manifestSchemaVersion(schemaVersion: string, where = 'manifest.json'): number {
  const match = /\/manifest\/v(\d+)(?:\.json)?$/.exec(schemaVersion);
  if (!match) throw new DbtArtifactError(`${where}: metadata.dbt_schema_version "${schemaVersion}" is not a dbt manifest schema`);
  const version = Number(match[1]);
  const { min, max } = DBT_MANIFEST_VERSIONS;
  if (version < min || version > max)
    throw new DbtArtifactError(
      `${where} is a dbt manifest of schema v${version}; Fram reads v${min} (dbt 1.0) to v${max} (dbt 1.8 and later)` +
        (version < min ? ': upgrade the project to dbt 1.0 or later' : ''),
    );
  return version;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function optionalFile<T extends z.ZodType>(path: string, schema: T): z.infer<T> | undefined {
  return existsSync(path) ? parseFile(path, schema) : undefined;
}

function parseFile<T extends z.ZodType>(path: string, schema: T): z.infer<T> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new DbtArtifactError(`Cannot read ${path} as JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const result = schema.safeParse(parsed);
  if (!result.success) throw new DbtArtifactError(`${path} is not a dbt artifact: ${describeIssues(result.error)}`);
  return result.data;
}

/** The first few problems of a zod error, each with its path (`nodes.model.x.schema: expected string`). */
export function describeIssues(error: z.ZodError, max = 3): string {
  const shown = error.issues.slice(0, max).map((issue) => `${issue.path.map(String).join('.') || '(top)'}: ${issue.message}`);
  const more = error.issues.length > max ? ` (and ${error.issues.length - max} more)` : '';
  return shown.join('; ') + more;
}
