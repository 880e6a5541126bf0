import type { DashboardRecord } from '@fram/models';
import { describeIssues, type DbtManifest, dbtExposureSchema } from './dbt-artifacts';
import type { DbtUpstreams } from './dbt-lineage';
import type { DbtSettings } from './dbt-options';
import { descriptionText, httpLink, nonEmpty, ownerIds, tagList, type Warn } from './dbt-values';

/** The product of the dashboards exposures become (their keys start `dbt_dashboard://`). */
export const DBT_DASHBOARD_PRODUCT = 'dbt';

/**
 * Exposures (the dashboards, notebooks, applications, ... that read dbt's relations) as Fram dashboards:
 * `dbt_dashboard://{cluster}.{type}/{name}`, the cluster being the exposure's package (or the cluster option),
 * the group its type, with its label, link, description, owner (email, else name), tags and the tables it reads.
 */
export function dbtDashboards(manifest: DbtManifest, upstreams: DbtUpstreams, settings: DbtSettings, warn: Warn): DashboardRecord[] {
  const dashboards: DashboardRecord[] = [];
  for (const [id, entry] of Object.entries(manifest.exposures ?? {})) {
    const parsed = dbtExposureSchema.safeParse(entry);
    if (!parsed.success) {
      warn(`${id}: left out: ${describeIssues(parsed.error)}`);
      continue;
    }
    const exposure = parsed.data;
    if (exposure.config?.enabled === false) continue;
    const cluster = settings.cluster ?? exposure.package_name;
    if (/[./]/.test(cluster) || /[/]/.test(exposure.name)) {
      warn(`${id}: left out: a dashboard's cluster has no "." or "/" and its name no "/" (see the cluster option)`);
      continue;
    }
    const tables = [...upstreams.tableKeys(exposure.depends_on?.nodes)];
    if (tables.length > 1000) warn(`${id}: only its first 1,000 of ${tables.length} tables are kept`);
    const dashboard: DashboardRecord = {
      product: DBT_DASHBOARD_PRODUCT,
      cluster: settings.lowercase ? cluster.toLowerCase() : cluster,
      group_name: exposure.type,
      dashboard_id: exposure.name,
      name: exposure.label?.trim() || exposure.name,
      description: descriptionText(exposure.description, id, warn),
      // A list the exposure has nothing for is left out, so that what people gave the dashboard in Fram stays.
      owners: nonEmpty(ownerIds(exposure.owner?.email || exposure.owner?.name, id, warn)),
      tags: nonEmpty(tagList(exposure.tags, id, warn)),
      tables: nonEmpty(tables.slice(0, 1000)),
    };
    const url = httpLink(exposure.url);
    if (url) dashboard.url = url;
    else if (exposure.url) warn(`${id}: url "${exposure.url}" left out: it is not an http(s) link`);
    dashboards.push(dashboard);
  }
  return dashboards;
}
