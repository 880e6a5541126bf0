import type { FinishedIngestRun, IngestRecordKind, IngestRecords, IngestRun, IngestSources } from '@fram/models';
import type { Edit } from './edit';

/** What the ledger keeps of one record a run sent: its key (ingestRecordKey) and fingerprint (ingestFingerprint). */
export interface IngestLedgerEntry {
  key: string;
  fingerprint: string;
}

/** Why a run was not used: it does not exist, or it is finished. */
export type IngestRunRefusal = { refused: 'unknown_run' } | { refused: 'finished' };

/**
 * Why a run was not finished: the refusals of any use, more removals than the limit allows, or a later run of its
 * source started (`by`, the latest): finishing would remove what the later run already sent, or will send.
 */
export type FinishIngestRunRefusal =
  IngestRunRefusal | { refused: 'too_many_removed'; removing: number; before: number } | { refused: 'superseded'; by: IngestRun };

/**
 * Source runs and each source's ledger of the records it sent (kind, key, fingerprint, last run): what lets a
 * source's re-run remove what it no longer sends (see @fram/models ingest-runs). A run's start, its finish and
 * each resource or edge the finish removes are recorded in the change feed, in the same transaction.
 */
export abstract class IngestLedger {
  abstract startIngestRun(source: string, edit: Edit): Promise<IngestRun>;
  abstract ingestRun(run: string): Promise<IngestRun | undefined>;
  /**
   * Records `entries` of `kind` as sent by `run` for its source, if it is open: call after their upsert was kept.
   * An entry a later run of the source has sent stays that run's (an earlier run's finish is refused anyway).
   */
  abstract recordIngested(
    run: string,
    kind: IngestRecordKind,
    entries: readonly IngestLedgerEntry[],
  ): Promise<IngestRunRefusal | undefined>;
  /**
   * Finishes `run` in one transaction: the source's entries it did not send go, and with each the resource or edge
   * itself when no other source's ledger holds it (a table with its columns and all that hangs off it).
   * Refuses, removing nothing, when a later run of the source has started (in the order runs were created, which
   * also orders runs started within one millisecond), or when that is more than `maxRemovedPercent` of the source's entries before the run.
   */
  abstract finishIngestRun(
    run: string,
    maxRemovedPercent: number | undefined,
    edit: Edit,
  ): Promise<FinishedIngestRun | FinishIngestRunRefusal>;
  /** A source's entries of `kind` in key order after `after`. */
  abstract ingestRecords(source: string, kind: IngestRecordKind, after: string | undefined, limit: number): Promise<IngestRecords>;
  /** Every source that has started a run, its entry counts and its latest run. */
  abstract ingestSources(): Promise<IngestSources>;
}
