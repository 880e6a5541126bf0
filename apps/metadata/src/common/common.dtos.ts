import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { descriptionInputSchema, descriptionSchema, messageSchema } from '@fram/models';

/** What an edit answers. */
export class MessageDto extends createZodDto(messageSchema) {}
/** `GET .../description`. */
export class DescriptionDto extends createZodDto(descriptionSchema) {}
/** `PUT .../description`. */
export class DescriptionInputDto extends createZodDto(descriptionInputSchema) {}

/** `?tag_type=` of a tag edit (default `default`). */
export class TagQueryDto extends createZodDto(z.object({ tag_type: z.string().optional().meta({ default: 'default' }) })) {}
/** `?category=` of a badge edit: the badge's category, as listed in WHITELIST_BADGES. */
export class BadgeQueryDto extends createZodDto(
  z.object({
    category: z.string({ error: 'The category query parameter is required' }).min(1, 'The category query parameter is required'),
  }),
) {}
