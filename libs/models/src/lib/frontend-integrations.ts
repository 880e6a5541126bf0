import { z } from 'zod';
import { announcementSchema } from './bulletins';

/*
 * Amundsen's frontend integrations (previews, dashboard previews, data
 * quality, notices, announcements, issue tracking, mail), as its React app
 * calls them. Fram has no client for any of them yet, so each answers as
 * Amundsen's frontend does when its client is not configured; the answers
 * with a client are described too (the shapes the React app reads).
 */

/** Fram's error fields, on an answer with an error status, next to Amundsen's (`msg`, ...). */
const errorFields = { statusCode: z.number().int(), message: z.string(), code: z.string() };
const message = z.object({ msg: z.string() });
const optionalText = z.string().max(2000).nullable().optional();

/** `POST /api/preview/v0/` (a table) and `/api/preview/v0/feature_preview` (a feature): what the preview client is given. */
export const frontendPreviewRequestSchema = z.looseObject({
  database: optionalText,
  schema: optionalText,
  tableName: optionalText,
  cluster: optionalText,
  feature_group: optionalText,
  feature_name: optionalText,
  version: optionalText,
});
/** A preview, as a preview client answers it (Amundsen's PreviewDataSchema). */
export const frontendPreviewSchema = message.extend({
  previewData: z.looseObject({
    columns: z.array(z.looseObject({ column_name: z.string(), column_type: z.string() })).optional(),
    data: z.array(z.record(z.string(), z.unknown())).optional(),
    error_text: z.string().optional(),
  }),
});
export const frontendPreviewUnavailableSchema = message.extend({ previewData: z.object({}), ...errorFields });

/** `GET /api/quality/v0/table/summary?key=`: the table (read only by a quality client). */
export const frontendQualityQuerySchema = z.object({ key: optionalText });
export const frontendQualityChecksSchema = message.extend({
  checks: z.looseObject({
    external_url: z.string(),
    last_run_timestamp: z.number().nullable(),
    num_checks_success: z.number().int(),
    num_checks_failed: z.number().int(),
    num_checks_total: z.number().int(),
  }),
});
export const frontendQualityUnavailableSchema = message.extend({ checks: z.object({}), ...errorFields });

/** `GET /api/notices/v0/table?key=` (the React app also sends `resource=table`). */
export const frontendNoticesQuerySchema = z.object({ key: optionalText, resource: optionalText });
export const frontendNoticesSchema = message.extend({
  notices: z.array(z.looseObject({ severity: z.number().int(), message: z.string() })),
});
export const frontendNoticesUnavailableSchema = message.extend({ notices: z.object({}), ...errorFields });

/** `GET /api/announcements/v0/`: the home page's announcements. */
export const frontendAnnouncementsSchema = message.extend({
  posts: z.array(
    z.looseObject({
      /** Fram's: the post's id, for removing it (`DELETE /api/announcements/v0/{id}`). */
      id: z.number().int().optional(),
      date: z.string(),
      title: z.string(),
      html_content: z.string(),
    }),
  ),
});
export const frontendAnnouncementsUnavailableSchema = message.extend({ posts: z.array(z.unknown()).max(0), ...errorFields });
/** Fram's `POST /api/announcements/v0/` (admins): the post as metadata kept it. */
export const frontendAnnouncementPostedSchema = message.extend({ post: announcementSchema });

/** `GET /api/issue/issues?key=`: a table's issues (read only by an issue tracker client). */
export const frontendIssuesQuerySchema = z.object({ key: optionalText });
/** `POST /api/issue/issue`: a new issue, as the React app's form sends it. */
export const frontendIssueRequestSchema = z.looseObject({
  key: optionalText,
  title: optionalText,
  description: z.string().max(20_000).nullable().optional(),
  owner_ids: z.array(z.string().max(2000)).max(100).nullable().optional(),
  frequent_user_ids: z.array(z.string().max(2000)).max(100).nullable().optional(),
  priority_level: optionalText,
  project_key: optionalText,
  resource_path: optionalText,
});

/** `POST /api/mail/v0/notification`: what to tell whom (owner added or removed, metadata edited or requested, issue reported). */
export const frontendNotificationRequestSchema = z.looseObject({
  notificationType: z
    .string({ error: 'notificationType must be provided in the request payload' })
    .max(100, 'notificationType is too long'),
  recipients: z.array(z.string().max(2000)).max(100).nullable().optional(),
  sender: optionalText,
  options: z.record(z.string(), z.unknown()).nullable().optional(),
});

/** An answer that says only how it went (e.g. 202: accepted, but the integration is off). */
export const frontendMessageSchema = message;
/** An integration without a client: Amundsen's `msg`, and Fram's error fields. */
export const frontendUnavailableSchema = message.extend(errorFields);
