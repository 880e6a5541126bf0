import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import {
  announcementInputSchema,
  bulletinIdSchema,
  frontendAnnouncementPostedSchema,
  frontendAnnouncementsSchema,
  frontendAnnouncementsUnavailableSchema,
  frontendIssueRequestSchema,
  frontendIssuesQuerySchema,
  frontendMessageSchema,
  frontendNoticesQuerySchema,
  frontendNoticesSchema,
  frontendNoticesUnavailableSchema,
  frontendNotificationRequestSchema,
  frontendPreviewRequestSchema,
  frontendPreviewSchema,
  frontendPreviewUnavailableSchema,
  frontendQualityChecksSchema,
  frontendQualityQuerySchema,
  frontendQualityUnavailableSchema,
  frontendUnavailableSchema,
} from '@fram/models';

// What Amundsen's React app sends.
export class PreviewRequestDto extends createZodDto(frontendPreviewRequestSchema) {}
export class QualityQueryDto extends createZodDto(frontendQualityQuerySchema) {}
export class NoticesQueryDto extends createZodDto(frontendNoticesQuerySchema) {}
export class IssuesQueryDto extends createZodDto(frontendIssuesQuerySchema) {}
export class IssueRequestDto extends createZodDto(frontendIssueRequestSchema) {}
export class NotificationRequestDto extends createZodDto(frontendNotificationRequestSchema) {}

// What it reads back: with a client configured, and without one (Fram's case but for notices and announcements).
export class PreviewDto extends createZodDto(frontendPreviewSchema) {}
export class PreviewUnavailableDto extends createZodDto(frontendPreviewUnavailableSchema) {}
export class QualityChecksDto extends createZodDto(frontendQualityChecksSchema) {}
export class QualityUnavailableDto extends createZodDto(frontendQualityUnavailableSchema) {}
export class NoticesDto extends createZodDto(frontendNoticesSchema) {}
export class NoticesUnavailableDto extends createZodDto(frontendNoticesUnavailableSchema) {}
export class AnnouncementsDto extends createZodDto(frontendAnnouncementsSchema) {}
export class AnnouncementsUnavailableDto extends createZodDto(frontendAnnouncementsUnavailableSchema) {}
/** Fram's announcement writes (admins): a new post, as metadata takes it, and the post's id in the path. */
export class AnnouncementInputDto extends createZodDto(announcementInputSchema) {}
export class AnnouncementPostedDto extends createZodDto(frontendAnnouncementPostedSchema) {}
export class AnnouncementIdDto extends createZodDto(bulletinIdSchema) {}
export class MessageDto extends createZodDto(frontendMessageSchema) {}
export class UnavailableDto extends createZodDto(frontendUnavailableSchema) {}

/**
 * What the notices and announcements routes answer, whatever the status (their serializers):
 * Amundsen's answer, or its failure with Fram's error fields (first, as only it has them).
 */
export const noticesAnswerSchema = z.union([frontendNoticesUnavailableSchema, frontendNoticesSchema]);
export const announcementsAnswerSchema = z.union([frontendAnnouncementsUnavailableSchema, frontendAnnouncementsSchema]);
