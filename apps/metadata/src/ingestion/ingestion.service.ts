import { Injectable } from '@nestjs/common';
import type { Principal } from '@fram/auth';
import { InvalidInputError } from '@fram/errors';
import { DASHBOARD_KEY, InvalidUserError, normalizeUser, parseTableKey, type User } from '@fram/models';
import type { z } from 'zod';
import { editBy } from '../common/edit-access';
import { DashboardStore } from '../store/ports/dashboard-store';
import { LineageStore } from '../store/ports/lineage-store';
import { PeopleStore } from '../store/ports/people-store';
import { PopularityStore } from '../store/ports/popularity-store';
import { TableStore } from '../store/ports/table-store';
import { dashboardsBody, describeIssues, lineageBody, readsBody, tablesBody, usersBody } from './ingestion-schemas';

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new InvalidInputError(`Invalid ingestion body: ${describeIssues(result.error)}`);
  return result.data;
}

/**
 * Bulk ingestion: each batch is validated whole (a bad record refuses the
 * batch and changes nothing), then upserted idempotently.
 */
@Injectable()
export class IngestionService {
  constructor(
    private readonly tableStore: TableStore,
    private readonly people: PeopleStore,
    private readonly popularity: PopularityStore,
    private readonly lineageStore: LineageStore,
    private readonly dashboardStore: DashboardStore,
  ) {}

  async tables(body: unknown, principal: Principal) {
    const { tables } = parse(tablesBody, body);
    return { upserted: await this.tableStore.upsertTables(tables, editBy(principal)) };
  }

  async users(body: unknown, principal: Principal) {
    const { users } = parse(usersBody, body);
    let normalized: User[];
    try {
      normalized = users.map((u) => normalizeUser(u));
    } catch (error) {
      if (error instanceof InvalidUserError) throw new InvalidInputError(`Invalid ingestion body: ${error.message}`);
      throw error;
    }
    const edit = editBy(principal);
    for (const user of normalized) await this.people.upsertUser(user, edit);
    return { upserted: normalized.length };
  }

  async reads(body: unknown, principal: Principal) {
    const { reads } = parse(readsBody, body);
    for (const r of reads) {
      if ('table_key' in r ? !parseTableKey(r.table_key) : !DASHBOARD_KEY.test(r.dashboard_key)) {
        throw new InvalidInputError(
          `Invalid ingestion body: ${'table_key' in r ? r.table_key : r.dashboard_key} is not a table or dashboard key`,
        );
      }
    }
    return { upserted: await this.popularity.upsertReads(reads, editBy(principal)) };
  }

  /** Table-to-table lineage edges: `{lineage: [{upstream, downstream}]}` (table keys). */
  async lineage(body: unknown, principal: Principal) {
    const { lineage } = parse(lineageBody, body);
    const bad = lineage.flatMap((e) => [e.upstream, e.downstream]).find((k) => !parseTableKey(k));
    if (bad) throw new InvalidInputError(`Invalid ingestion body: ${bad} is not a table key`);
    return { upserted: await this.lineageStore.upsertLineage(lineage, editBy(principal)) };
  }

  async dashboards(body: unknown, principal: Principal) {
    const { dashboards } = parse(dashboardsBody, body);
    const bad = dashboards.flatMap((d) => d.tables ?? []).find((k) => !parseTableKey(k));
    if (bad) throw new InvalidInputError(`Invalid ingestion body: ${bad} is not a table key`);
    return { upserted: await this.dashboardStore.upsertDashboards(dashboards, editBy(principal)) };
  }
}
