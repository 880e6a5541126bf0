import type { ManagedTransaction } from 'neo4j-driver';
import { finishRun } from './neo4j-ingest-ledger';
import { INGEST_LEDGER_CYPHER as Q } from './ingest-ledger-cypher';

const RUN = { id: 'r1', source: 'dbt:shop', started_at: 1_700_000_000_000, finished_at: null, sequence: 1 };
const LATER = { id: 'r2', source: 'dbt:shop', started_at: 1_700_000_000_000, finished_at: null, sequence: 2 };
const EDIT = { actor: 'fram-scripts', at: 1_700_000_001_000 };

/**
 * A transaction that answers each statement with the rows given for it (none otherwise) and keeps what ran, in order.
 * (No Neo4j server runs here; the store contract covers the statements when NEO4J_URI is set.)
 */
function fakeTransaction(answers: Map<string, Record<string, unknown>[]>) {
  const ran: string[] = [];
  const tx = {
    run: async (statement: string) => {
      ran.push(statement);
      return { records: (answers.get(statement) ?? []).map((row) => ({ toObject: () => row })) };
    },
  } as unknown as ManagedTransaction;
  return { tx, ran };
}

describe('finishing a run on Neo4j', () => {
  it('takes the finish lock before reading anything, so two finishes over a shared key never both drop their entries', async () => {
    const { tx, ran } = fakeTransaction(new Map([[Q.run, [{ run: RUN }]]]));
    await finishRun(tx, 'r1', undefined, EDIT);
    expect(ran[0]).toBe(Q.lockFinishes);
    expect(Q.lockFinishes).toMatch(/^\s*MERGE \(lock:Fram_IngestLock \{id: 'finish'\}\)\s*SET lock\.at = \$at\s*$/);
  });

  it('refuses, removing nothing, when a later run of the source has started', async () => {
    const { tx, ran } = fakeTransaction(
      new Map([
        [Q.run, [{ run: RUN }]],
        [Q.laterRun, [{ run: LATER }]],
      ]),
    );
    expect(await finishRun(tx, 'r1', undefined, EDIT)).toEqual({
      refused: 'superseded',
      by: { run: 'r2', source: 'dbt:shop', started_at: LATER.started_at, finished_at: null },
    });
    expect(ran).toEqual([Q.lockFinishes, Q.run, Q.laterRun]);
  });

  it('counts as removed what it removed, and as released the entries another source still holds', async () => {
    const { tx } = fakeTransaction(
      new Map([
        [Q.run, [{ run: RUN }]],
        [
          Q.stale,
          [
            { kind: 'table', key: 'hive://gold.core/orders', alone: true },
            { kind: 'table', key: 'hive://gold.core/customers', alone: false },
            { kind: 'table', key: 'hive://gold.core/gone_already', alone: true },
          ],
        ],
        [Q.removeTables, [{ key: 'hive://gold.core/orders' }]],
      ]),
    );
    expect(await finishRun(tx, 'r1', undefined, EDIT)).toMatchObject({
      removed: { table: 1, dashboard: 0, feature: 0, lineage: 0, column_lineage: 0, feature_lineage: 0 },
      released: { table: 1, dashboard: 0, feature: 0, lineage: 0, column_lineage: 0, feature_lineage: 0 },
    });
  });
});
