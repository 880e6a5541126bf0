import {
  finishedIngestRunSchema,
  INGEST_RECORD_KINDS,
  ingestRecordsSchema,
  ingestRunSchema,
  type FinishedIngestRun,
  type IngestLedgerRecord,
  type IngestRecordKind,
  type IngestRun,
} from '@fram/models';
import type { z } from 'zod';
import { IngestError } from './ingest-client';

/** Where the metadata service is and how to call it (an admin's bearer token). */
export interface MetadataConnection {
  metadataUrl: string;
  token: () => Promise<string>;
}

/** Finishing a run was refused because it would remove more than the limit allows: nothing was removed. */
export class RemovalLimitError extends IngestError {}

/** A call to metadata, its answer checked with `schema`; a refusal is an IngestError with the service's message. */
async function call<T>(connection: MetadataConnection, path: string, schema: z.ZodType<T>, body?: unknown): Promise<T> {
  const url = `${connection.metadataUrl.replace(/\/$/, '')}${path}`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: body === undefined ? 'GET' : 'POST',
      headers: { authorization: `Bearer ${await connection.token()}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
  } catch (error) {
    const cause = (error as { cause?: { message?: string } }).cause?.message;
    throw new IngestError(`cannot reach ${url}: ${cause ?? (error instanceof Error ? error.message : String(error))}`);
  }
  const answer = (await response.json().catch(() => ({}))) as { message?: string; code?: string };
  // A run a later run of its source superseded is an IngestError like any other: a higher limit would not help.
  if (response.status === 409 && path.endsWith('/finish') && answer.code !== 'ingest_run_superseded') {
    throw new RemovalLimitError(answer.message ?? response.statusText);
  }
  if (!response.ok) throw new IngestError(`${path.split('?')[0]}: ${response.status} ${answer.message ?? response.statusText}`);
  return schema.parse(answer);
}

/** Starts a run of `source` (POST /ingest/runs). */
export function startIngestRun(connection: MetadataConnection, source: string): Promise<IngestRun> {
  return call(connection, '/ingest/runs', ingestRunSchema, { source });
}

/**
 * Finishes a run (POST /ingest/runs/{run}/finish): removes what its source sent before and did not send in it, unless
 * that is more than `maxRemovedPercent` of what the source held (RemovalLimitError, nothing removed, the run left open).
 * Once a later run of the source has started, the finish is refused (IngestError, nothing removed).
 */
export function finishIngestRun(connection: MetadataConnection, run: string, maxRemovedPercent?: number): Promise<FinishedIngestRun> {
  return call(connection, `/ingest/runs/${encodeURIComponent(run)}/finish`, finishedIngestRunSchema, {
    max_removed_percent: maxRemovedPercent,
  });
}

/** A source's ledger (GET /ingest/records, every page) of each of `kinds`. */
export async function sourceLedger(
  connection: MetadataConnection,
  source: string,
  kinds: readonly IngestRecordKind[] = INGEST_RECORD_KINDS,
): Promise<Record<IngestRecordKind, IngestLedgerRecord[]>> {
  const ledger = Object.fromEntries(INGEST_RECORD_KINDS.map((kind) => [kind, []])) as unknown as Record<
    IngestRecordKind,
    IngestLedgerRecord[]
  >;
  for (const kind of kinds) {
    let after: string | null = null;
    do {
      const query = new URLSearchParams({ source, kind, limit: '10000', ...(after === null ? {} : { after }) });
      const page: z.infer<typeof ingestRecordsSchema> = await call(connection, `/ingest/records?${query.toString()}`, ingestRecordsSchema);
      ledger[kind].push(...page.records);
      after = page.next;
    } while (after !== null);
  }
  return ledger;
}
