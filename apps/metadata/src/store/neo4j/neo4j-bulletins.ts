import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { NOTICE_SEVERITIES, type Announcement, type Notice, type NoticeSeverity } from '@fram/models';
import type { AnnouncementDraft, NoticeDraft } from '../ports/bulletin-store';
import { BULLETIN_CYPHER } from './bulletin-cypher';

/*
 * Neo4jMetadataStore's bulletin reads and writes, inside its transactions (it adds the audit
 * entries): the statements of bulletin-cypher.ts and their rows as announcements and notices.
 */

type Row = Record<string, unknown>;

async function rows(tx: ManagedTransaction, statement: string, params: Record<string, unknown>): Promise<Row[]> {
  return (await tx.run(statement, params)).records.map((record) => record.toObject());
}

export async function readAnnouncements(tx: ManagedTransaction, limit: number): Promise<Announcement[]> {
  return (await rows(tx, BULLETIN_CYPHER.announcements, { limit: neo4j.int(limit) })).map((r) => toAnnouncement(r['post']));
}

export async function writeAnnouncement(tx: ManagedTransaction, draft: AnnouncementDraft): Promise<Announcement> {
  const [row] = await rows(tx, BULLETIN_CYPHER.postAnnouncement, { ...draft });
  return toAnnouncement(row?.['post']);
}

/** What was removed, or undefined when there was no such announcement. */
export async function removeAnnouncement(tx: ManagedTransaction, id: number): Promise<Announcement | undefined> {
  const [row] = await rows(tx, BULLETIN_CYPHER.deleteAnnouncement, { id: neo4j.int(id) });
  return row ? toAnnouncement(row['removed']) : undefined;
}

export async function readNotices(tx: ManagedTransaction, resourceUri: string): Promise<Notice[]> {
  return (await rows(tx, BULLETIN_CYPHER.notices, { resource_uri: resourceUri })).map((r) => toNotice(r['notice']));
}

export async function writeNotice(tx: ManagedTransaction, draft: NoticeDraft): Promise<Notice> {
  const [row] = await rows(tx, BULLETIN_CYPHER.postNotice, { ...draft, payload: draft.payload && JSON.stringify(draft.payload) });
  return toNotice(row?.['notice']);
}

/** What was removed, or undefined when there was no such notice. */
export async function removeNotice(tx: ManagedTransaction, id: number): Promise<Notice | undefined> {
  const [row] = await rows(tx, BULLETIN_CYPHER.deleteNotice, { id: neo4j.int(id) });
  return row ? toNotice(row['removed']) : undefined;
}

function toAnnouncement(value: unknown): Announcement {
  const node = value as Row;
  return { id: Number(node['id']), date: text(node['date']), title: text(node['title']), html_content: text(node['html_content']) };
}

function toNotice(value: unknown): Notice {
  const node = value as Row;
  const severity: NoticeSeverity = NOTICE_SEVERITIES.find((s) => s === node['severity']) ?? 'warning';
  return {
    id: Number(node['id']),
    resource_uri: text(node['resource_uri']),
    severity,
    message: text(node['message']),
    payload: payload(node['payload']),
  };
}

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The stored JSON object of texts; anything else (absent, not JSON, not texts) is no payload. */
function payload(value: unknown): Record<string, string> | null {
  if (typeof value !== 'string') return null;
  try {
    const parsed = JSON.parse(value) as unknown;
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return null;
    const entries = Object.entries(parsed as Record<string, unknown>);
    return entries.every(([, v]) => typeof v === 'string') ? (Object.fromEntries(entries) as Record<string, string>) : null;
  } catch {
    return null;
  }
}
