import { createZodDto } from 'nestjs-zod';
import { noticeInputSchema, noticeSchema, noticesQuerySchema, resourceNoticesSchema } from '@fram/models';

/** `POST /notices`. */
export class NoticeInputDto extends createZodDto(noticeInputSchema) {}
/** A notice, as `POST /notices` answers it. */
export class NoticeDto extends createZodDto(noticeSchema) {}
/** `GET /notices?key=`. */
export class NoticesQueryDto extends createZodDto(noticesQuerySchema) {}
/** `GET /notices?key=`: the resource's notices. */
export class ResourceNoticesDto extends createZodDto(resourceNoticesSchema) {}
