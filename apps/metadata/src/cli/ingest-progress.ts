import type { CatalogKind } from '@fram/catalog-tools';

/** Where progress goes: the process's stderr, or a stand-in for tests. */
export interface ProgressStream {
  isTTY?: boolean;
  write(text: string): unknown;
}

const BAR_WIDTH = 30;
/** Without a terminal: a line at each tenth of a kind, and when it is done. */
const PLAIN_STEPS = 10;

const rate = (done: number, ms: number) => `${Math.round(done / Math.max(ms / 1000, 0.001)).toLocaleString('en-US')}/s`;

/**
 * The ingest command's progress, per kind, as ingestCatalog reports it after
 * every batch: on a terminal one bar that redraws itself with the counts and
 * the rate; otherwise (a scheduler's log, a pipe) plain lines, one at each
 * tenth and one at the end, so that a log shows how far it got.
 */
export function progressReporter(stream: ProgressStream, now: () => number = Date.now) {
  const startedAt = new Map<CatalogKind, number>();
  const lastStep = new Map<CatalogKind, number>();
  // Kinds are sent one after the other: each starts when the one before last reported (the first, now).
  let lastReport = now();
  return (kind: CatalogKind, done: number, total: number): void => {
    if (!startedAt.has(kind)) startedAt.set(kind, lastReport);
    lastReport = now();
    const elapsed = lastReport - startedAt.get(kind)!;
    const counts = `${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')}`;
    if (stream.isTTY === true) {
      const filled = Math.round((done / total) * BAR_WIDTH);
      const bar = `${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}`;
      stream.write(`\r${kind.padEnd(15)} ${bar} ${counts} ${rate(done, elapsed)}${done === total ? '\n' : ''}`);
      return;
    }
    const step = Math.floor((done / total) * PLAIN_STEPS);
    if (done !== total && step === (lastStep.get(kind) ?? 0)) return;
    lastStep.set(kind, step);
    const percent = Math.floor((done / total) * 100);
    stream.write(`${kind}: ${counts} (${percent}%), ${rate(done, elapsed)}${done === total ? ', done' : ''}\n`);
  };
}
