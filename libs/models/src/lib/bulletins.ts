import { z } from 'zod';
import { checkedText, queryInteger } from './metadata-api';
import { descriptionProblem, lineProblem, SEARCH_LIMITS } from './text-rules';

/*
 * Announcements (the home page's posts) and notices (about a table, a dashboard or a feature), which
 * admins write to the metadata service and Amundsen's React app shows through the frontend
 * (frontend/amundsen_application/models/announcements.py Post; static/js/interfaces/Notices.ts
 * DynamicResourceNotice). Their texts are HTML that the React app renders: metadata keeps only a
 * small safe subset of it.
 */

/** Amundsen's NoticeSeverity (static/js/config/config-types.ts), mildest first. */
export const NOTICE_SEVERITIES = ['info', 'warning', 'alert'] as const;
export type NoticeSeverity = (typeof NOTICE_SEVERITIES)[number];

export const BULLETIN_LIMITS = {
  title: 200,
  /** An announcement's HTML. */
  html: 20_000,
  /** A notice's message (HTML). */
  message: 2_000,
  payloadEntries: 20,
  payloadTerm: 100,
  /** A payload entry's text (HTML). */
  payloadText: 2_000,
  /** Announcements in one answer at most. */
  announcements: 500,
} as const;

/** HTML text: at most `max` characters, Unicode, no controls but tabs and line breaks. */
const htmlProblem = (max: number) => (value: string) =>
  value.length > max ? `is longer than ${max.toLocaleString('en')} characters` : descriptionProblem(value);
const notBlank = (problem: (value: string) => string | undefined) => (value: string) =>
  value.trim() === '' ? 'must not be empty' : problem(value);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A calendar date as YYYY-MM-DD that exists (no 2024-02-30). */
const calendarDate = z.string().refine((value) => {
  const found = ISO_DATE.exec(value);
  if (!found) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}, 'date must be a calendar date as YYYY-MM-DD');

/** `POST /announcements`: a new post; its date is the day it is posted (UTC) unless given. */
export const announcementInputSchema = z.object({
  title: checkedText(
    notBlank((v) => lineProblem(v, BULLETIN_LIMITS.title)),
    'title ',
    'title is required',
  ),
  html_content: checkedText(htmlProblem(BULLETIN_LIMITS.html), 'html_content ', 'html_content is required').meta({
    description: 'HTML; only p, br, b, i, strong, em, ul, ol, li and a (http, https or mailto href) are kept',
  }),
  date: calendarDate.optional().meta({ description: 'YYYY-MM-DD; the day it is posted (UTC) unless given' }),
});
export type AnnouncementInput = z.infer<typeof announcementInputSchema>;

/** Amundsen's Post (date, title, html_content) with its id in Fram. */
export const announcementSchema = z.object({
  id: z.number().int(),
  date: z.string(),
  title: z.string(),
  html_content: z.string(),
});
export type Announcement = z.infer<typeof announcementSchema>;

/** `GET /announcements`: Amundsen's Announcements, newest first (by date, then the latest posted). */
export const announcementsSchema = z.object({ posts: z.array(announcementSchema) });
export type Announcements = z.infer<typeof announcementsSchema>;
export const announcementsQuerySchema = z.object({
  limit: queryInteger(1, BULLETIN_LIMITS.announcements, 100, `limit must be a whole number from 1 to ${BULLETIN_LIMITS.announcements}`),
});

/** The key of a table, a dashboard or a feature. */
const resourceKey = (name: string) =>
  checkedText(
    notBlank((v) => lineProblem(v, SEARCH_LIMITS.key)),
    `${name} `,
    `${name} is required`,
  );

/** Amundsen's NoticePayload: terms and their texts (HTML), shown as a list under "See details". */
export const noticePayloadSchema = z
  .record(
    checkedText(
      notBlank((v) => lineProblem(v, BULLETIN_LIMITS.payloadTerm)),
      'A payload term ',
    ),
    checkedText(htmlProblem(BULLETIN_LIMITS.payloadText), 'A payload text '),
  )
  .refine((payload) => Object.keys(payload).length <= BULLETIN_LIMITS.payloadEntries, {
    message: `payload has more than ${BULLETIN_LIMITS.payloadEntries} entries`,
  });

/** `POST /notices`: a notice about a resource of the catalog. */
export const noticeInputSchema = z.object({
  resource_uri: resourceKey('resource_uri').meta({ description: 'The key of a table, a dashboard or a feature' }),
  severity: z.enum(NOTICE_SEVERITIES, { error: 'severity must be info, warning or alert' }),
  message: checkedText(notBlank(htmlProblem(BULLETIN_LIMITS.message)), 'message ', 'message is required').meta({
    description: 'HTML; only p, br, b, i, strong, em, ul, ol, li and a (http, https or mailto href) are kept',
  }),
  payload: noticePayloadSchema.optional(),
});
export type NoticeInput = z.infer<typeof noticeInputSchema>;

/** A notice: Amundsen's DynamicResourceNotice (severity, message, payload) with its id and resource. */
export const noticeSchema = z.object({
  id: z.number().int(),
  resource_uri: z.string(),
  severity: z.enum(NOTICE_SEVERITIES),
  message: z.string(),
  payload: z.record(z.string(), z.string()).nullable(),
});
export type Notice = z.infer<typeof noticeSchema>;

/** `GET /notices?key=`: a resource's notices, in the order they were posted (none: an empty list). */
export const resourceNoticesSchema = z.object({ resource_uri: z.string(), notices: z.array(noticeSchema) });
export type ResourceNotices = z.infer<typeof resourceNoticesSchema>;
export const noticesQuerySchema = z.object({ key: resourceKey('key') });

/** `DELETE /announcements/{id}`, `DELETE /notices/{id}`. */
export const bulletinIdSchema = z.object({
  id: z
    .string()
    .regex(/^[1-9]\d{0,14}$/, 'id must be a positive whole number')
    .transform(Number),
});
