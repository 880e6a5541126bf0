import type { Announcement, Notice } from '@fram/models';
import type { Edit } from './edit';

/** A new announcement, its HTML already made safe (the store keeps what it is given). */
export type AnnouncementDraft = Omit<Announcement, 'id'>;
/** A new notice, its texts already made safe. */
export type NoticeDraft = Omit<Notice, 'id'>;

/**
 * Bulletins: the home page's announcements and notices about resources (by key: a table, a
 * dashboard or a feature). Ids are given by the store, increasing. Every post and every removal
 * is recorded in the change feed (resource types `announcement` and `notice`, the id as key);
 * removing what does not exist answers false and records nothing.
 */
export abstract class BulletinStore {
  /** At most `limit` announcements, newest first: by date, then the latest posted. */
  abstract announcements(limit: number): Promise<Announcement[]>;
  abstract postAnnouncement(draft: AnnouncementDraft, edit: Edit): Promise<Announcement>;
  abstract deleteAnnouncement(id: number, edit: Edit): Promise<boolean>;
  /** The notices about `resourceUri`, in the order they were posted. */
  abstract notices(resourceUri: string): Promise<Notice[]>;
  abstract postNotice(draft: NoticeDraft, edit: Edit): Promise<Notice>;
  abstract deleteNotice(id: number, edit: Edit): Promise<boolean>;
}
