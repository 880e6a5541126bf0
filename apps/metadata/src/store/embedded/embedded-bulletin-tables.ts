import type Database from 'better-sqlite3';
import type { Announcement, Notice, NoticeSeverity } from '@fram/models';
import type { AnnouncementDraft, NoticeDraft } from '../ports/bulletin-store';

type Row = Record<string, unknown>;

/**
 * The embedded store's bulletins, on its SQLite connection: the `announcements` and `notices`
 * tables. EmbeddedMetadataStore runs the changes in its transactions, with their audit entries.
 */
export class EmbeddedBulletinTables {
  private readonly q: ReturnType<typeof prepare>;

  constructor(db: Database.Database) {
    this.q = prepare(db);
  }

  announcements(limit: number): Announcement[] {
    return (this.q.announcements.all(limit) as Row[]).map(toAnnouncement);
  }

  /** Inside the caller's transaction. */
  addAnnouncement(draft: AnnouncementDraft): Announcement {
    const id = Number(this.q.addAnnouncement.run(draft).lastInsertRowid);
    return { id, ...draft };
  }

  /** Removes it inside the caller's transaction; answers what it was, or undefined when there was none. */
  removeAnnouncement(id: number): Announcement | undefined {
    const row = this.q.announcement.get(id) as Row | undefined;
    if (!row) return undefined;
    this.q.removeAnnouncement.run(id);
    return toAnnouncement(row);
  }

  notices(resourceUri: string): Notice[] {
    return (this.q.notices.all(resourceUri) as Row[]).map(toNotice);
  }

  /** Inside the caller's transaction. */
  addNotice(draft: NoticeDraft): Notice {
    const id = Number(this.q.addNotice.run({ ...draft, payload: draft.payload && JSON.stringify(draft.payload) }).lastInsertRowid);
    return { id, ...draft };
  }

  /** Removes it inside the caller's transaction; answers what it was, or undefined when there was none. */
  removeNotice(id: number): Notice | undefined {
    const row = this.q.notice.get(id) as Row | undefined;
    if (!row) return undefined;
    this.q.removeNotice.run(id);
    return toNotice(row);
  }
}

function toAnnouncement(row: Row): Announcement {
  return { id: Number(row['id']), date: String(row['date']), title: String(row['title']), html_content: String(row['html_content']) };
}

function toNotice(row: Row): Notice {
  const payload = row['payload'];
  return {
    id: Number(row['id']),
    resource_uri: String(row['resource_uri']),
    severity: String(row['severity']) as NoticeSeverity,
    message: String(row['message']),
    payload: typeof payload === 'string' ? (JSON.parse(payload) as Record<string, string>) : null,
  };
}

function prepare(db: Database.Database) {
  const p = (sql: string) => db.prepare(sql);
  return {
    announcements: p('SELECT * FROM announcements ORDER BY date DESC, id DESC LIMIT ?'),
    announcement: p('SELECT * FROM announcements WHERE id = ?'),
    addAnnouncement: p('INSERT INTO announcements (date, title, html_content) VALUES (@date, @title, @html_content)'),
    removeAnnouncement: p('DELETE FROM announcements WHERE id = ?'),
    notices: p('SELECT * FROM notices WHERE resource_uri = ? ORDER BY id'),
    notice: p('SELECT * FROM notices WHERE id = ?'),
    addNotice: p('INSERT INTO notices (resource_uri, severity, message, payload) VALUES (@resource_uri, @severity, @message, @payload)'),
    removeNotice: p('DELETE FROM notices WHERE id = ?'),
  };
}
