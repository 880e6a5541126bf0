import { createZodDto } from 'nestjs-zod';
import {
  frontendAuthUserSchema,
  frontendBadgesSchema,
  frontendBookmarkChangeSchema,
  frontendBookmarksQuerySchema,
  frontendBookmarksSchema,
  frontendColumnLineageQuerySchema,
  frontendFeatureCodeSchema,
  frontendFeatureLineageQuerySchema,
  frontendFeatureSchema,
  frontendTypeMetadataDescriptionChangeSchema,
  frontendTypeMetadataQuerySchema,
  frontendColumnDescriptionChangeSchema,
  frontendColumnQuerySchema,
  frontendDashboardQuerySchema,
  frontendDashboardSchema,
  frontendDescriptionChangeSchema,
  frontendDescriptionSchema,
  frontendDoneSchema,
  frontendBookmarkChangedSchema,
  frontendKeyQuerySchema,
  frontendLastIndexedSchema,
  frontendLineageQuerySchema,
  frontendLineageSchema,
  frontendOwnerChangeSchema,
  frontendOwnSchema,
  frontendPopularQuerySchema,
  frontendPopularResourcesSchema,
  frontendReadSchema,
  frontendTableDashboardsSchema,
  frontendTableSchema,
  frontendTagChangeSchema,
  frontendTableBadgeChangeSchema,
  frontendTagsSchema,
  frontendUserQuerySchema,
  frontendUserSchema,
} from '@fram/models';

// What Amundsen's React app sends.
export class KeyQueryDto extends createZodDto(frontendKeyQuerySchema) {}
export class TagChangeDto extends createZodDto(frontendTagChangeSchema) {}
export class TableBadgeChangeDto extends createZodDto(frontendTableBadgeChangeSchema) {}
export class DescriptionChangeDto extends createZodDto(frontendDescriptionChangeSchema) {}
export class ColumnQueryDto extends createZodDto(frontendColumnQuerySchema) {}
export class ColumnDescriptionChangeDto extends createZodDto(frontendColumnDescriptionChangeSchema) {}
export class OwnerChangeDto extends createZodDto(frontendOwnerChangeSchema) {}
export class LineageQueryDto extends createZodDto(frontendLineageQuerySchema) {}
export class DashboardQueryDto extends createZodDto(frontendDashboardQuerySchema) {}
export class UserQueryDto extends createZodDto(frontendUserQuerySchema) {}
export class BookmarksQueryDto extends createZodDto(frontendBookmarksQuerySchema) {}
export class BookmarkChangeDto extends createZodDto(frontendBookmarkChangeSchema) {}
export class PopularQueryDto extends createZodDto(frontendPopularQuerySchema) {}
export class ColumnLineageQueryDto extends createZodDto(frontendColumnLineageQuerySchema) {}
export class FeatureLineageQueryDto extends createZodDto(frontendFeatureLineageQuerySchema) {}
export class TypeMetadataQueryDto extends createZodDto(frontendTypeMetadataQuerySchema) {}
export class TypeMetadataDescriptionChangeDto extends createZodDto(frontendTypeMetadataDescriptionChangeSchema) {}

// What it reads back.
export class DoneDto extends createZodDto(frontendDoneSchema) {}
export class BookmarkChangedDto extends createZodDto(frontendBookmarkChangedSchema) {}
export class PopularResourcesDto extends createZodDto(frontendPopularResourcesSchema) {}
export class TagsDto extends createZodDto(frontendTagsSchema) {}
export class BadgesDto extends createZodDto(frontendBadgesSchema) {}
export class LastIndexedDto extends createZodDto(frontendLastIndexedSchema) {}
export class TableDto extends createZodDto(frontendTableSchema) {}
export class TableDashboardsDto extends createZodDto(frontendTableDashboardsSchema) {}
export class DescriptionDto extends createZodDto(frontendDescriptionSchema) {}
export class LineageDto extends createZodDto(frontendLineageSchema) {}
export class DashboardDto extends createZodDto(frontendDashboardSchema) {}
export class UserDto extends createZodDto(frontendUserSchema) {}
export class AuthUserDto extends createZodDto(frontendAuthUserSchema) {}
export class BookmarksDto extends createZodDto(frontendBookmarksSchema) {}
export class ReadDto extends createZodDto(frontendReadSchema) {}
export class OwnDto extends createZodDto(frontendOwnSchema) {}
export class FeatureDto extends createZodDto(frontendFeatureSchema) {}
export class FeatureCodeDto extends createZodDto(frontendFeatureCodeSchema) {}
