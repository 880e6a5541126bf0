import { Injectable } from '@nestjs/common';
import { InvalidInputError } from '@fram/errors';
import { ChangeFeed, type AuditEntry } from '../store/ports/change-feed';

/** The audit trail, newest first, a page at a time. */
@Injectable()
export class AuditService {
  constructor(private readonly feed: ChangeFeed) {}

  async list(limitText: string | undefined, beforeText: string | undefined): Promise<{ entries: AuditEntry[] }> {
    const limit = limitText === undefined ? 100 : Number(limitText);
    const before = beforeText === undefined ? undefined : Number(beforeText);
    if (!Number.isInteger(limit) || limit < 1 || limit > 1000) throw new InvalidInputError('limit must be a whole number from 1 to 1000');
    if (before !== undefined && (!Number.isInteger(before) || before < 1)) throw new InvalidInputError('before must be an audit entry id');
    return { entries: await this.feed.audit(limit, before) };
  }
}
