import { Controller, Get, Query } from '@nestjs/common';
import { RequireRole } from '@fram/auth';
import { InvalidInputError } from '@fram/errors';
import { MetadataStore, type AuditEntry } from '../store/metadata-store';

/** The audit trail: every edit with its actor and time, newest first. Admins only. */
@Controller('audit')
@RequireRole('admin')
export class AuditController {
  constructor(private readonly store: MetadataStore) {}

  @Get()
  async list(@Query('limit') limitText?: string, @Query('before') beforeText?: string): Promise<{ entries: AuditEntry[] }> {
    const limit = limitText === undefined ? 100 : Number(limitText);
    const before = beforeText === undefined ? undefined : Number(beforeText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new InvalidInputError('limit must be a whole number from 1 to 1000');
    if (before !== undefined && (!Number.isInteger(before) || before < 1)) throw new InvalidInputError('before must be an audit entry id');
    return { entries: await this.store.audit(limit, before) };
  }
}
