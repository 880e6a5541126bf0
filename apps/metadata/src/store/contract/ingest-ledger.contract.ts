import { ingestRecordKey, type DashboardRecord, type FinishedIngestRun, type IngestRecordKind, type IngestRecordOf } from '@fram/models';
import { ingestFingerprint } from '@fram/catalog-tools';
import type { MetadataStoreAdapter } from '../metadata-store-adapter';
import { ACCEPTANCE, ACCEPTANCE_KEY, DURATION, DURATION_KEY } from './feature-store.contract';
import { CUSTOMERS, describeWithStore, edit, EVENTS, ORDERS, ORDERS_KEY, type OpenStore } from './fixtures.contract';

const CUSTOMERS_KEY = 'hive://gold.core/customers';
const EVENTS_KEY = 'bigquery://prod.analytics/events';
const SALES: DashboardRecord = {
  product: 'mode',
  cluster: 'prod',
  group_name: 'sales',
  name: 'weekly',
  tables: [ORDERS_KEY, CUSTOMERS_KEY],
};
const SALES_KEY = 'mode_dashboard://prod.sales/weekly';
const OPS: DashboardRecord = { product: 'mode', cluster: 'prod', group_name: 'ops', name: 'daily', tables: [CUSTOMERS_KEY] };
const OPS_KEY = 'mode_dashboard://prod.ops/daily';
const ORDERS_TO_CUSTOMERS = { upstream: ORDERS_KEY, downstream: CUSTOMERS_KEY };
const COLUMNS_EDGE = { upstream: `${ORDERS_KEY}/customer_id`, downstream: `${CUSTOMERS_KEY}/id` };
const FEATURE_EDGE = { upstream: ACCEPTANCE_KEY, downstream: DURATION_KEY };
const none = { table: 0, dashboard: 0, feature: 0, lineage: 0, column_lineage: 0, feature_lineage: 0 };

/** What every IngestLedger adapter must do: runs, each source's ledger, and removing what a source's re-run no longer sent. */
export function describeIngestLedgerContract(name: string, open: OpenStore): void {
  describeWithStore(`IngestLedger contract: ${name}`, open, (current) => {
    let store: MetadataStoreAdapter;
    beforeEach(() => {
      store = current();
    });

    /** Records `records` of `kind` as the run's, as the ingestion service does after their upsert. */
    const send = <K extends IngestRecordKind>(run: string, kind: K, records: IngestRecordOf[K][]) =>
      store.recordIngested(
        run,
        kind,
        records.map((r) => ({ key: ingestRecordKey(kind, r), fingerprint: ingestFingerprint(r) })),
      );
    const start = async (source: string) => (await store.startIngestRun(source, edit('fram-scripts'))).run;
    const finish = async (run: string, max?: number) => (await store.finishIngestRun(run, max, edit('fram-scripts'))) as FinishedIngestRun;
    /** The warehouse and its lineage: everything but EVENTS, which was sent without a run. */
    const fullRun = async (source = 'postgres:warehouse') => {
      const run = await start(source);
      await store.upsertDashboards([SALES, OPS], edit('fram-scripts'));
      await store.upsertFeatures([DURATION, ACCEPTANCE], edit('fram-scripts'));
      await store.upsertLineage([ORDERS_TO_CUSTOMERS], edit('fram-scripts'));
      await store.upsertColumnLineage([COLUMNS_EDGE], edit('fram-scripts'));
      await store.upsertFeatureLineage([FEATURE_EDGE], edit('fram-scripts'));
      expect(await send(run, 'table', [ORDERS, CUSTOMERS])).toBeUndefined();
      await send(run, 'dashboard', [SALES, OPS]);
      await send(run, 'feature', [DURATION, ACCEPTANCE]);
      await send(run, 'lineage', [ORDERS_TO_CUSTOMERS]);
      await send(run, 'column_lineage', [COLUMNS_EDGE]);
      await send(run, 'feature_lineage', [FEATURE_EDGE]);
      return finish(run);
    };

    it('starts runs of a source with random ids, and answers them open until finished', async () => {
      const first = await store.startIngestRun('dbt:shop', edit('fram-scripts'));
      const second = await store.startIngestRun('dbt:shop', edit('fram-scripts'));
      expect(first).toEqual({ run: expect.any(String), source: 'dbt:shop', started_at: expect.any(Number), finished_at: null });
      expect(second.run).not.toBe(first.run);
      expect(await store.ingestRun(first.run)).toEqual(first);
      expect(await store.ingestRun('no-such-run')).toBeUndefined();
      const finished = await finish(second.run);
      expect(finished).toEqual({ ...second, finished_at: expect.any(Number), removed: none, released: none, kept: none });
      expect(await store.ingestRun(second.run)).toEqual({ ...second, finished_at: finished.finished_at });
      const [entry] = await store.audit(1);
      expect(entry).toMatchObject({
        actor: 'fram-scripts',
        action: 'finish_ingest_run',
        resource_type: 'ingest_run',
        resource_key: second.run,
      });
      expect((await store.audit(10)).map((e) => e.action)).toContain('start_ingest_run');
    });

    it('keeps what each run sent, by source and kind, a page at a time in key order', async () => {
      const run = await start('postgres:warehouse');
      await send(run, 'table', [ORDERS, EVENTS, CUSTOMERS]);
      await send(run, 'lineage', [ORDERS_TO_CUSTOMERS]);
      const fingerprint = ingestFingerprint(ORDERS);
      const first = await store.ingestRecords('postgres:warehouse', 'table', undefined, 2);
      expect(first).toEqual({
        records: [
          { key: EVENTS_KEY, fingerprint: ingestFingerprint(EVENTS), run },
          { key: CUSTOMERS_KEY, fingerprint: ingestFingerprint(CUSTOMERS), run },
        ],
        next: CUSTOMERS_KEY,
      });
      expect(await store.ingestRecords('postgres:warehouse', 'table', first.next!, 2)).toEqual({
        records: [{ key: ORDERS_KEY, fingerprint, run }],
        next: null,
      });
      expect(await store.ingestRecords('postgres:warehouse', 'lineage', undefined, 10)).toEqual({
        records: [{ key: JSON.stringify([ORDERS_KEY, CUSTOMERS_KEY]), fingerprint: ingestFingerprint(ORDERS_TO_CUSTOMERS), run }],
        next: null,
      });
      expect(await store.ingestRecords('dbt:shop', 'table', undefined, 10)).toEqual({ records: [], next: null });
      expect(await store.ingestSources()).toEqual({
        sources: [
          {
            source: 'postgres:warehouse',
            records: { ...none, table: 3, lineage: 1 },
            latest_run: { run, source: 'postgres:warehouse', started_at: expect.any(Number), finished_at: null },
          },
        ],
      });
    });

    it('refuses records for an unknown or a finished run, and finishing twice', async () => {
      const run = await start('dbt:shop');
      await finish(run);
      expect(await send(run, 'table', [ORDERS])).toEqual({ refused: 'finished' });
      expect(await send('no-such-run', 'table', [ORDERS])).toEqual({ refused: 'unknown_run' });
      expect(await store.finishIngestRun(run, undefined, edit())).toEqual({ refused: 'finished' });
      expect(await store.finishIngestRun('no-such-run', undefined, edit())).toEqual({ refused: 'unknown_run' });
      expect(await store.ingestRecords('dbt:shop', 'table', undefined, 10)).toEqual({ records: [], next: null });
    });

    it("removes what the source's next run did not send: the resources, what hangs off them, and the edges", async () => {
      expect(await fullRun()).toMatchObject({
        removed: none,
        kept: { table: 2, dashboard: 2, feature: 2, lineage: 1, column_lineage: 1, feature_lineage: 1 },
      });
      await store.upsertReads([{ user: 'ada@example.com', table_key: CUSTOMERS_KEY, read_count: 3 }], edit('fram-scripts'));
      await store.addFollow('ada@example.com', 'table', CUSTOMERS_KEY, edit());
      await store.addOwner('table', CUSTOMERS_KEY, 'ada@example.com', edit());
      await store.addTag('table', CUSTOMERS_KEY, { tag_name: 'crm', tag_type: 'default' }, edit());
      const auditBefore = (await store.audit(1))[0].id;

      const run = await start('postgres:warehouse');
      await send(run, 'table', [ORDERS]);
      await send(run, 'dashboard', [SALES]);
      await send(run, 'feature', [DURATION]);
      const finished = await finish(run);

      expect(finished).toMatchObject({
        removed: { table: 1, dashboard: 1, feature: 1, lineage: 1, column_lineage: 1, feature_lineage: 1 },
        released: none,
        kept: { ...none, table: 1, dashboard: 1, feature: 1 },
      });
      expect(await store.getTable(CUSTOMERS_KEY)).toBeUndefined();
      expect((await store.tablesByKeys([ORDERS_KEY, CUSTOMERS_KEY])).map((t) => t.key)).toEqual([ORDERS_KEY]);
      expect(await store.listKeys('table', '', 10)).toEqual([EVENTS_KEY, ORDERS_KEY]);
      expect(await store.lineage(ORDERS_KEY, 5)).toEqual({ upstream: [], downstream: [] });
      expect(await store.columnLineage(ORDERS_KEY, 'customer_id', 5)).toEqual({ upstream: [], downstream: [] });
      expect(await store.followedTables('ada@example.com')).toEqual([]);
      expect((await store.ownedTables('ada@example.com')).map((t) => t.key)).toEqual([ORDERS_KEY]);
      expect(await store.readTables('ada@example.com')).toEqual([]);
      expect((await store.tagUsages()).map((t) => t.tag_name)).not.toContain('crm');
      expect(await store.getDashboard(OPS_KEY)).toBeUndefined();
      expect(await store.listKeys('dashboard', '', 10)).toEqual([SALES_KEY]);
      expect((await store.getDashboard(SALES_KEY))!.tables.map((t) => t.key)).toEqual([ORDERS_KEY]);
      expect(await store.dashboardsUsingTable(CUSTOMERS_KEY)).toEqual([]);
      expect(await store.getFeature(ACCEPTANCE_KEY)).toBeUndefined();
      expect(await store.listFeatureKeys('', 10)).toEqual([DURATION_KEY]);
      expect(await store.featureLineage(DURATION_KEY, 5)).toEqual({ upstream: [], downstream: [] });
      expect((await store.statistics()).number_of_tables).toBe(2);

      const entries = await store.auditSince(auditBefore, 100);
      const detail = { source: 'postgres:warehouse', run };
      expect(entries.filter((e) => e.action === 'remove').map((e) => [e.resource_type, e.resource_key, e.detail])).toEqual(
        expect.arrayContaining([
          ['table', CUSTOMERS_KEY, detail],
          ['dashboard', OPS_KEY, detail],
          ['feature', ACCEPTANCE_KEY, detail],
        ]),
      );
      expect(entries.filter((e) => e.action === 'remove')).toHaveLength(3);
      expect(entries.filter((e) => e.action.startsWith('remove_')).map((e) => [e.action, e.detail['edges']])).toEqual(
        expect.arrayContaining([
          ['remove_lineage', [[ORDERS_KEY, CUSTOMERS_KEY]]],
          ['remove_column_lineage', [[COLUMNS_EDGE.upstream, COLUMNS_EDGE.downstream]]],
          ['remove_feature_lineage', [[ACCEPTANCE_KEY, DURATION_KEY]]],
        ]),
      );
      expect(entries.at(-1)).toMatchObject({ action: 'finish_ingest_run', resource_key: run, detail: { removed: finished.removed } });
      expect((await store.ingestRecords('postgres:warehouse', 'table', undefined, 10)).records.map((r) => r.key)).toEqual([ORDERS_KEY]);
    });

    it("keeps a resource another source's ledger holds, and what was sent without a run", async () => {
      await fullRun('postgres:warehouse');
      const other = await start('dbt:shop');
      await send(other, 'table', [CUSTOMERS]);
      await send(other, 'lineage', [ORDERS_TO_CUSTOMERS]);
      await finish(other);

      const run = await start('postgres:warehouse');
      await send(run, 'table', [ORDERS]);
      // CUSTOMERS and its lineage go from the warehouse's ledger but stay in the catalog: dbt:shop sends them.
      expect(await finish(run)).toMatchObject({
        removed: { ...none, dashboard: 2, feature: 2, column_lineage: 1, feature_lineage: 1 },
        released: { ...none, table: 1, lineage: 1 },
        kept: { ...none, table: 1 },
      });
      expect(await store.getTable(CUSTOMERS_KEY)).toMatchObject({ key: CUSTOMERS_KEY });
      expect((await store.lineage(ORDERS_KEY, 1))!.downstream.map((i) => i.key)).toEqual([CUSTOMERS_KEY]);
      expect(await store.getTable(EVENTS_KEY)).toMatchObject({ key: EVENTS_KEY });
      expect((await store.ingestRecords('dbt:shop', 'table', undefined, 10)).records.map((r) => r.key)).toEqual([CUSTOMERS_KEY]);
      expect((await store.ingestRecords('postgres:warehouse', 'table', undefined, 10)).records.map((r) => r.key)).toEqual([ORDERS_KEY]);
    });

    it('refuses to finish a run once a later run of its source has started, so neither removes what the other sent', async () => {
      const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');
      const tables = letters.map((letter) => ({ ...ORDERS, name: `t_${letter}` }));
      const between = (from: string, to: string) => tables.slice(letters.indexOf(from), letters.indexOf(to) + 1);
      await store.upsertTables(tables, edit('fram-scripts'));
      const tableKeys = async () => (await store.tablesByKeys(tables.map((t) => ingestRecordKey('table', t)))).length;

      const first = await start('dbt:shop');
      await send(first, 'table', between('A', 'M'));
      const second = await start('dbt:shop');
      await send(second, 'table', between('A', 'Z'));
      // The first run sends N-P after the second sent them: they stay the second run's.
      await send(first, 'table', between('N', 'P'));
      const auditBefore = (await store.audit(1))[0].id;

      const refused = await store.finishIngestRun(first, undefined, edit('fram-scripts'));
      expect(refused).toEqual({ refused: 'superseded', by: await store.ingestRun(second) });
      expect(await store.ingestRun(first)).toMatchObject({ finished_at: null });
      expect(await tableKeys()).toBe(26);
      expect(await store.auditSince(auditBefore, 10)).toEqual([]);

      const finished = await finish(second);
      expect(finished).toMatchObject({ removed: none, released: none, kept: { ...none, table: 26 } });
      expect(await tableKeys()).toBe(26);
      expect(new Set((await store.ingestRecords('dbt:shop', 'table', undefined, 100)).records.map((r) => r.run))).toEqual(
        new Set([second]),
      );

      // Still refused once the later run finished: its ledger is the source's.
      await send(first, 'table', between('N', 'P'));
      expect(await store.finishIngestRun(first, undefined, edit('fram-scripts'))).toMatchObject({ refused: 'superseded' });
      expect(await tableKeys()).toBe(26);
    });

    it('refuses, removing nothing and leaving the run open, to remove more than the limit of what the source held', async () => {
      await fullRun();
      const run = await start('postgres:warehouse');
      await send(run, 'table', [ORDERS, CUSTOMERS, EVENTS]);
      await send(run, 'dashboard', [SALES, OPS]);
      await send(run, 'feature', [DURATION, ACCEPTANCE]);
      // 3 edges of the 9 records held before the run (EVENTS is new to the ledger): a third.
      expect(await store.finishIngestRun(run, 33, edit('fram-scripts'))).toEqual({ refused: 'too_many_removed', removing: 3, before: 9 });
      expect(await store.ingestRun(run)).toMatchObject({ finished_at: null });
      expect((await store.lineage(ORDERS_KEY, 1))!.downstream.map((i) => i.key)).toEqual([CUSTOMERS_KEY]);
      expect((await store.ingestRecords('postgres:warehouse', 'lineage', undefined, 10)).records).toHaveLength(1);
      expect((await store.audit(1))[0].action).not.toBe('finish_ingest_run');
      expect((await finish(run, 33.4)).removed).toMatchObject({ lineage: 1, column_lineage: 1, feature_lineage: 1 });
      expect(await store.lineage(ORDERS_KEY, 1)).toEqual({ upstream: [], downstream: [] });
    });
  });
}
