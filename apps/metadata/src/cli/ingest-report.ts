import {
  describeIngestRecordKey,
  INGEST_RECORD_ENDPOINTS,
  type FinishedIngestRun,
  type IngestKindCounts,
  type IngestRecordKind,
} from '@fram/models';
import type { CatalogKind, KindDiff } from '@fram/catalog-tools';

/** How each kind is counted in the summary. */
export const COUNTED: Record<CatalogKind, string> = {
  users: 'users',
  tables: 'tables',
  dashboards: 'dashboards',
  features: 'features',
  lineage: 'lineage edges',
  column_lineage: 'column lineage edges',
  feature_lineage: 'feature lineage edges',
  reads: 'reads',
};

/** `1, 2 and 3` */
export const listed = (items: string[]) =>
  items.length > 1 ? `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}` : items.join('');

/** `1 table`, `2 lineage edges`: a ledger kind counted. */
export const countedKind = (kind: IngestRecordKind, count: number) =>
  `${count} ${count === 1 ? COUNTED[INGEST_RECORD_ENDPOINTS[kind]].replace(/s$/, '') : COUNTED[INGEST_RECORD_ENDPOINTS[kind]]}`;

/** Keys listed in full under each of add, change and remove; the rest are counted. */
const KEYS_SHOWN = 20;

/** `2 tables and 3 lineage edges`, the kinds there are any of; '' for none. */
const countedKinds = (counts: IngestKindCounts) =>
  listed(
    (Object.entries(counts) as [IngestRecordKind, number][])
      .filter(([, count]) => count > 0)
      .map(([kind, count]) => countedKind(kind, count)),
  );

/**
 * What finishing a run removed, for the summary line: `removed 2 tables and 3 lineage edges no longer in dbt:shop`,
 * and what it did not, as another source sends it: `; 1 table no longer in dbt:shop stays, as another source sends it`.
 */
export function removedText({ removed, released }: Pick<FinishedIngestRun, 'removed' | 'released'>, source: string): string {
  const gone = countedKinds(removed);
  const staying = countedKinds(released);
  if (gone === '' && staying === '') return `removed nothing: everything ${source} held is still in it`;
  const head = gone === '' ? 'removed nothing' : `removed ${gone} no longer in ${source}`;
  if (staying === '') return head;
  const one = Object.values(released).reduce((sum, count) => sum + count, 0) === 1;
  return `${head}; ${staying} no longer in ${source} ${one ? 'stays, as another source sends it' : 'stay, as other sources send them'}`;
}

/** The share of a source's records a run would remove, in percent, as the service reckons it. */
export function removalPercent(diffs: KindDiff[]): { removing: number; before: number; percent: number } {
  const removing = diffs.reduce((sum, diff) => sum + diff.remove.length, 0);
  const before = diffs.reduce((sum, diff) => sum + diff.remove.length + diff.change.length + diff.unchanged, 0);
  return { removing, before, percent: before === 0 ? 0 : (removing / before) * 100 };
}

export interface DryRunReport {
  source: string;
  diffs: KindDiff[];
  keepMissing: boolean;
  maxRemoval: number;
  /** Left-out records the source sent before: while there are any, a run removes nothing. */
  heldBack: { kind: IngestRecordKind; key: string }[];
}

/** A dry run compared with the source's ledger: per kind, what would be added, changed, left and removed, with keys. */
export function dryRunText({ source, diffs, keepMissing, maxRemoval, heldBack }: DryRunReport): string {
  const lines = [`Compared with what Fram holds of ${source}:`];
  if (diffs.length === 0) lines.push('  nothing, either side');
  const removing = !keepMissing && heldBack.length === 0;
  for (const diff of diffs) {
    const gone = removing ? `remove ${diff.remove.length}` : `keep ${diff.remove.length} no longer in the source`;
    lines.push(
      `  ${COUNTED[INGEST_RECORD_ENDPOINTS[diff.kind]]}: would add ${diff.add.length}, change ${diff.change.length}, ` +
        `leave ${diff.unchanged} unchanged, ${gone}`,
    );
    const keys: [string, string[]][] = [
      ['add', diff.add],
      ['change', diff.change],
      [removing ? 'remove' : 'keep', diff.remove],
    ];
    for (const [what, list] of keys) {
      for (const key of list.slice(0, KEYS_SHOWN)) lines.push(`    ${what.padEnd(6)} ${describeIngestRecordKey(diff.kind, key)}`);
      if (list.length > KEYS_SHOWN) lines.push(`    ... and ${list.length - KEYS_SHOWN} more to ${what}`);
    }
  }
  if (keepMissing) lines.push('Nothing would be removed (--keep-missing).');
  else if (heldBack.length > 0) lines.push(heldBackText(source, heldBack, 'would be'));
  else {
    const { removing: count, before, percent } = removalPercent(diffs);
    if (percent > maxRemoval)
      lines.push(
        `The run would remove nothing and exit 1: removing ${count} of the ${before} records ${source} holds ` +
          `(${Math.round(percent * 10) / 10}%) is more than --max-removal ${maxRemoval}%.`,
      );
  }
  return `${lines.join('\n')}\n`;
}

/** Why a run removes nothing: records it left out were sent before, and removing them as stale would be wrong. */
export function heldBackText(source: string, heldBack: { kind: IngestRecordKind; key: string }[], was: 'was' | 'would be'): string {
  const named = heldBack.slice(0, 3).map(({ kind, key }) => describeIngestRecordKey(kind, key));
  const more = heldBack.length > 3 ? ` and ${heldBack.length - 3} more` : '';
  return (
    `Nothing ${was} removed: ${heldBack.length} record${heldBack.length === 1 ? '' : 's'} left out (see the warnings) ` +
    `${heldBack.length === 1 ? 'was' : 'were'} sent before by ${source} (${named.join(', ')}${more}); removing stale records waits until ` +
    'Fram takes them again.'
  );
}
