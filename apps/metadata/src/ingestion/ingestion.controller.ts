import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CurrentUser, RequireRole, type Principal } from '@fram/auth';
import { InvalidInputError } from '@fram/errors';
import { DASHBOARD_KEY, InvalidUserError, normalizeUser, parseTableKey, type User } from '@fram/models';
import type { z } from 'zod';
import { editBy } from '../common/edit-access';
import { MetadataStore } from '../store/metadata-store';
import { dashboardsBody, describeIssues, lineageBody, readsBody, tablesBody, usersBody } from './ingestion-schemas';

function parse<T>(schema: z.ZodType<T>, body: unknown): T {
  const result = schema.safeParse(body);
  if (!result.success) throw new InvalidInputError(`Invalid ingestion body: ${describeIssues(result.error)}`);
  return result.data;
}

/**
 * Bulk ingestion (which Amundsen lacked): idempotent upserts of tables with
 * their columns, tags, badges and owners; of users; of reads. Admins only. A
 * bad record refuses the whole batch and changes nothing.
 */
@Controller('ingest')
@RequireRole('admin')
export class IngestionController {
  constructor(private readonly store: MetadataStore) {}

  @Post('tables')
  @HttpCode(200)
  async tables(@Body() body: unknown, @CurrentUser() principal: Principal) {
    const { tables } = parse(tablesBody, body);
    return { upserted: await this.store.upsertTables(tables, editBy(principal)) };
  }

  @Post('users')
  @HttpCode(200)
  async users(@Body() body: unknown, @CurrentUser() principal: Principal) {
    const { users } = parse(usersBody, body);
    let normalized: User[];
    try {
      normalized = users.map((u) => normalizeUser(u));
    } catch (error) {
      if (error instanceof InvalidUserError) throw new InvalidInputError(`Invalid ingestion body: ${error.message}`);
      throw error;
    }
    const edit = editBy(principal);
    for (const user of normalized) await this.store.upsertUser(user, edit);
    return { upserted: normalized.length };
  }

  @Post('reads')
  @HttpCode(200)
  async reads(@Body() body: unknown, @CurrentUser() principal: Principal) {
    const { reads } = parse(readsBody, body);
    for (const r of reads) {
      if ('table_key' in r ? !parseTableKey(r.table_key) : !DASHBOARD_KEY.test(r.dashboard_key)) {
        throw new InvalidInputError(
          `Invalid ingestion body: ${'table_key' in r ? r.table_key : r.dashboard_key} is not a table or dashboard key`,
        );
      }
    }
    return { upserted: await this.store.upsertReads(reads, editBy(principal)) };
  }

  /** Table-to-table lineage edges: `{lineage: [{upstream, downstream}]}` (table keys). */
  @Post('lineage')
  @HttpCode(200)
  async lineage(@Body() body: unknown, @CurrentUser() principal: Principal) {
    const { lineage } = parse(lineageBody, body);
    const bad = lineage.flatMap((e) => [e.upstream, e.downstream]).find((k) => !parseTableKey(k));
    if (bad) throw new InvalidInputError(`Invalid ingestion body: ${bad} is not a table key`);
    return { upserted: await this.store.upsertLineage(lineage, editBy(principal)) };
  }

  @Post('dashboards')
  @HttpCode(200)
  async dashboards(@Body() body: unknown, @CurrentUser() principal: Principal) {
    const { dashboards } = parse(dashboardsBody, body);
    const bad = dashboards.flatMap((d) => d.tables ?? []).find((k) => !parseTableKey(k));
    if (bad) throw new InvalidInputError(`Invalid ingestion body: ${bad} is not a table key`);
    return { upserted: await this.store.upsertDashboards(dashboards, editBy(principal)) };
  }
}
