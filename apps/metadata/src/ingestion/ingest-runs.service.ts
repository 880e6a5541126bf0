import { Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import { ConflictError, DomainError, NotFoundError } from '@fram/errors';
import { ingestRecordKey, type IngestRecordKind, type IngestRecordOf, type IngestRecordsQuery } from '@fram/models';
import { ingestFingerprint } from '@fram/catalog-tools';
import { editBy } from '../common/edit-access';
import { IngestLedger, type FinishIngestRunRefusal } from '../store/ports/ingest-ledger';

/**
 * Source runs: a source's batches sent with `?run=` are kept in its ledger, and finishing the run removes what the
 * source sent before and no longer sends (see @fram/models ingest-runs).
 */
@Injectable()
export class IngestRunsService {
  constructor(private readonly ledger: IngestLedger) {}

  start(source: string, principal: Principal) {
    return this.ledger.startIngestRun(source, editBy(principal));
  }

  async finish(run: string, maxRemovedPercent: number | undefined, principal: Principal) {
    const finished = await this.ledger.finishIngestRun(run, maxRemovedPercent, editBy(principal));
    if ('refused' in finished) throw refusal(run, finished, maxRemovedPercent);
    return finished;
  }

  records(query: IngestRecordsQuery) {
    return this.ledger.ingestRecords(query.source, query.kind, query.after, query.limit);
  }

  sources() {
    return this.ledger.ingestSources();
  }

  /** Refuses a batch for a run that is unknown or finished, before anything of it is written. */
  async assertOpen(run: string): Promise<void> {
    const found = await this.ledger.ingestRun(run);
    if (!found) throw refusal(run, { refused: 'unknown_run' });
    if (found.finished_at !== null) throw refusal(run, { refused: 'finished' });
  }

  /** Records a batch whose upsert was kept in the ledger of the run's source, each record as its ingestion schema parsed it. */
  async record<K extends IngestRecordKind>(run: string, kind: K, records: readonly IngestRecordOf[K][]): Promise<void> {
    const entries = records.map((record) => ({ key: ingestRecordKey(kind, record), fingerprint: ingestFingerprint(record) }));
    const refused = await this.ledger.recordIngested(run, kind, entries);
    // Finished since assertOpen: the batch is kept, outside the ledger, as a batch sent without a run.
    if (refused) throw refusal(run, refused);
  }
}

/** 409 with a code of its own, so a loader tells it from a refusal over the removal limit (a higher limit would not help). */
export class SupersededRunError extends DomainError {
  readonly status = 409;
  readonly code = 'ingest_run_superseded';
}

function refusal(run: string, refused: FinishIngestRunRefusal, maxRemovedPercent?: number): Error {
  switch (refused.refused) {
    case 'unknown_run':
      return new NotFoundError(`Ingest run ${run} not found`);
    case 'finished':
      return new ConflictError(`Ingest run ${run} is finished`);
    case 'too_many_removed': {
      const percent = Math.round((refused.removing / refused.before) * 1000) / 10;
      return new ConflictError(
        `Finishing ingest run ${run} would remove ${refused.removing} of the ${refused.before} records its source held before the run ` +
          `(${percent}%), more than max_removed_percent ${maxRemovedPercent}%; nothing was removed and the run is still open`,
      );
    }
    case 'superseded':
      return new SupersededRunError(
        `Ingest run ${run} was not finished: a later run of ${refused.by.source} started at ${new Date(refused.by.started_at).toISOString()} ` +
          `(${refused.by.run}); this run is left unfinished and nothing was removed`,
      );
  }
}
