import { createZodDto } from 'nestjs-zod';
import { announcementInputSchema, announcementSchema, announcementsQuerySchema, announcementsSchema, bulletinIdSchema } from '@fram/models';

/** `POST /announcements`. */
export class AnnouncementInputDto extends createZodDto(announcementInputSchema) {}
/** A post, as `POST /announcements` answers it. */
export class AnnouncementDto extends createZodDto(announcementSchema) {}
/** `GET /announcements`: Amundsen's Announcements. */
export class AnnouncementsDto extends createZodDto(announcementsSchema) {}
/** `GET /announcements?limit=`. */
export class AnnouncementsQueryDto extends createZodDto(announcementsQuerySchema) {}
/** `/announcements/{id}` and `/notices/{id}`. */
export class BulletinIdDto extends createZodDto(bulletinIdSchema) {}
