import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CurrentUser, RequireRole, type Principal } from '@fram/auth';
import { InvalidInputError } from '@fram/errors';
import { InvalidUserError, normalizeUser, parseTableKey, type User } from '@fram/models';
import type { z } from 'zod';
import { editBy } from '../common/edit-access';
import { MetadataStore } from '../store/metadata-store';
import { describeIssues, readsBody, tablesBody, usersBody } from './ingestion-schemas';

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
    const bad = reads.find((r) => !parseTableKey(r.table_key));
    if (bad) throw new InvalidInputError(`Invalid ingestion body: ${bad.table_key} is not a table key`);
    return { upserted: await this.store.upsertReads(reads, editBy(principal)) };
  }
}
