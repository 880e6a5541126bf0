import type { DbtArtifacts } from './dbt-artifacts';
import type { DbtRelations } from './dbt-relations';
import { epochSeconds } from './dbt-values';

/** The dbt commands whose run_results.json tell when a relation was (re)built. */
const BUILDING_COMMANDS = new Set(['run', 'build', 'seed', 'snapshot']);

/**
 * When each table's data last changed (epoch seconds, Fram's `last_updated_timestamp`), the latest of what the
 * artifacts say: the warehouse's last modification in catalog.json (Snowflake's `last_modified`), the successful
 * build of a model, seed or snapshot in run_results.json (only when it comes from a command that builds:
 * `dbt docs generate` and `dbt compile` write run_results.json too, but build nothing), and the newest row a
 * source holds in sources.json (`dbt source freshness`'s `max_loaded_at`).
 */
export function dbtLastUpdated(artifacts: DbtArtifacts, relations: DbtRelations): Map<string, number> {
  const latest = new Map<string, number>();
  const note = (id: string, at: number | undefined) => {
    if (at === undefined || !relations.tables.has(id)) return;
    latest.set(id, Math.max(at, latest.get(id) ?? 0));
  };

  const { catalog, runResults, sources } = artifacts;
  for (const entries of [catalog?.nodes, catalog?.sources]) {
    for (const [id, table] of Object.entries(entries ?? {})) note(id, epochSeconds(table.stats?.['last_modified']?.value));
  }

  const command = runResults?.args?.which ?? runResults?.args?.rpc_method ?? '';
  if (runResults && BUILDING_COMMANDS.has(command)) {
    for (const result of runResults.results) {
      if (result.status !== 'success' || relations.tables.get(result.unique_id)?.kind === 'source') continue;
      const execute = result.timing?.find((timing) => timing.name === 'execute');
      note(result.unique_id, epochSeconds(execute?.completed_at));
    }
  }

  for (const result of sources?.results ?? []) {
    if (relations.tables.get(result.unique_id)?.kind === 'source' && result.status !== 'runtime error')
      note(result.unique_id, epochSeconds(result.max_loaded_at));
  }
  return latest;
}
