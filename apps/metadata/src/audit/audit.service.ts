import { Injectable } from '@nestjs/common';
import type { AuditQuery } from '@fram/models';
import { ChangeFeed, type AuditEntry } from '../store/ports/change-feed';

/** The audit trail, newest first, a page at a time. */
@Injectable()
export class AuditService {
  constructor(private readonly feed: ChangeFeed) {}

  async list({ limit, before }: AuditQuery): Promise<{ entries: AuditEntry[] }> {
    return { entries: await this.feed.audit(limit, before) };
  }
}
