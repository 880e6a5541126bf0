import type { ApplicationRecord, ColumnRecord, ProgrammaticDescription, ResourceReport, Stat, TableRecord, Watermark } from '@fram/models';
import type { StoredApplication } from './ports/table-store';

/*
 * What an ingested table record becomes in either store, in the order both
 * answer it (so that the adapters agree whatever order a graph returns).
 */

const by =
  <T>(pick: (item: T) => string) =>
  (a: T, b: T) =>
    pick(a).localeCompare(pick(b));

export const byStatType = by((s: Stat) => s.stat_type);
export const byWatermarkType = by((w: Watermark) => w.watermark_type ?? '');
export const bySource = by((d: ProgrammaticDescription) => d.source);
export const byReportName = by((r: ResourceReport) => r.name);
export const byApplicationId = by((a: StoredApplication) => a.id);

export function columnStats(column: ColumnRecord): Stat[] {
  return (column.stats ?? [])
    .map((s) => ({
      stat_type: s.stat_type,
      stat_val: s.stat_val ?? null,
      start_epoch: s.start_epoch ?? null,
      end_epoch: s.end_epoch ?? null,
      is_metric: s.is_metric ?? null,
    }))
    .sort(byStatType);
}

export function tableWatermarks(table: TableRecord): Watermark[] | undefined {
  return table.watermarks
    ?.map((w) => ({
      watermark_type: w.watermark_type,
      partition_key: w.partition_key ?? null,
      partition_value: w.partition_value ?? null,
      create_time: w.create_time ?? null,
    }))
    .sort(byWatermarkType);
}

/** An application's node key, as databuilder's GenericApplication makes it (its name is the kind of program). */
export const applicationKey = (app: Pick<ApplicationRecord, 'name' | 'id'>) => `application://${app.name}/${app.id}`;

function storedApplication(app: ApplicationRecord): StoredApplication {
  return { id: app.id, name: app.name, application_url: app.application_url ?? null, description: app.description ?? null };
}

/** The table's programs that write it and that read it, each by id; undefined when the record leaves them out. */
export function tableApplications(table: TableRecord): { producing: StoredApplication[]; consuming: StoredApplication[] } | undefined {
  if (!table.applications) return undefined;
  const of = (kind: ApplicationRecord['kind']) =>
    table
      .applications!.filter((a) => a.kind === kind)
      .map(storedApplication)
      .sort(byApplicationId);
  return { producing: of('Producing'), consuming: of('Consuming') };
}
