export interface AuditEntry {
  id: number;
  at: number;
  actor: string;
  action: string;
  resource_type: string;
  resource_key: string;
  detail: Record<string, unknown>;
}

/**
 * The audit trail: every change, with its actor and time, written in the
 * same transaction as the change. Read newest first (the audit endpoint) or
 * oldest first after an id (the change feed that keeps search current).
 */
export abstract class ChangeFeed {
  abstract audit(limit: number, beforeId?: number): Promise<AuditEntry[]>;
  /** Audit entries after `afterId`, oldest first. */
  abstract auditSince(afterId: number, limit: number): Promise<AuditEntry[]>;
}
