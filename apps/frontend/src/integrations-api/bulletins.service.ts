import { Injectable } from '@nestjs/common';
import { DomainError } from '@fram/errors';
import type { Announcement, AnnouncementInput, Announcements, NoticeSeverity, ResourceNotices } from '@fram/models';
import { MetadataClient } from '../backends/backend-clients';

/** An answer whose status is decided by how metadata answered: 200, or a failure in Amundsen's shape. */
export interface BulletinAnswer<T> {
  status: number;
  headers: Readonly<Record<string, string>>;
  body: T;
}

/**
 * Amundsen's notice model says `severity: int` (models/notice.py), and its table page
 * (pages/TableDetailPage SEVERITY_TO_NOTICE_SEVERITY) maps 0, 1 and 2 to info, warning and alert.
 */
const SEVERITY_NUMBERS: Readonly<Record<NoticeSeverity, number>> = { info: 0, warning: 1, alert: 2 };

/**
 * The home page's announcements and a table's notices, which Amundsen's frontend reads from an
 * announcement client and a notice client: Fram's are metadata's `/announcements` and `/notices`,
 * asked with the caller's access token, answered as Amundsen's frontend does (`msg: 'Success'`).
 * When metadata fails, the answer is Amundsen's failure (`posts: []`, `notices: {}`, `msg`) with
 * Fram's error fields, with metadata's status for a refusal and 503 when it cannot be reached.
 */
@Injectable()
export class FrontendBulletinsService {
  constructor(private readonly metadata: MetadataClient) {}

  async announcements(token: string) {
    try {
      const { posts } = await this.metadata.get<Announcements>('/announcements', token);
      return ok({ msg: 'Success', posts: posts.map(({ id, date, title, html_content }) => ({ id, date, title, html_content })) });
    } catch (error) {
      return failed(error, { posts: [] as never[] });
    }
  }

  /** Fram's: posts an announcement to metadata, which allows only admins (its refusal reaches the caller as it is). */
  async postAnnouncement(input: AnnouncementInput, token: string) {
    const post = await this.metadata.call<Announcement>('POST', '/announcements', token, input);
    return { msg: 'Success', post };
  }

  /** Fram's: removes an announcement in metadata (admins only there). */
  async removeAnnouncement(id: number, token: string) {
    await this.metadata.call('DELETE', `/announcements/${id}`, token);
    return { msg: 'Success' };
  }

  async tableNotices(key: string | null | undefined, token: string) {
    const query = key === undefined || key === null ? '' : `?key=${encodeURIComponent(key)}`;
    try {
      const { notices } = await this.metadata.get<ResourceNotices>(`/notices${query}`, token);
      return ok({
        msg: 'Success',
        notices: notices.map(({ severity, message, payload }) => ({
          severity: SEVERITY_NUMBERS[severity],
          message,
          ...(payload ? { payload } : {}),
        })),
      });
    } catch (error) {
      return failed(error, { notices: {} });
    }
  }
}

function ok<T>(body: T): BulletinAnswer<T> {
  return { status: 200, headers: {}, body };
}

/** Metadata's refusal or unavailability (a DomainError from the client) as Amundsen's failure; anything else is a bug. */
function failed<T extends object>(error: unknown, fields: T) {
  if (!(error instanceof DomainError)) throw error;
  const { status, message, code } = error;
  return { status, headers: error.headers, body: { msg: message, ...fields, statusCode: status, message, code } };
}
