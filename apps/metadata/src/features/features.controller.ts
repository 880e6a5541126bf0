import { Body, Controller, Delete, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOperation, ApiParam, ApiResponse } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, type Principal } from '@fram/auth';
import { BadgeQueryDto, DescriptionDto, DescriptionInputDto, TagQueryDto } from '../common/common.dtos';
import { EditRoute } from '../common/edit-route.decorator';
import { LineageDto, LineageQueryDto } from '../tables/tables.dtos';
import { featureKeyIn } from './feature-path';
import { FeatureDto, GenerationCodeDto } from './features.dtos';
import { FeaturesService } from './features.service';

const KEY = ApiParam({
  name: 'path',
  type: String,
  description: 'The feature key, unencoded: {feature_group}/{name}/{version}',
  example: 'rides/trip_duration/1.2.0',
});
const OWNER = ApiParam({ name: 'owner', type: String, description: "The owner's user id (an email address)" });
const NOT_KEPT = ApiResponse({
  status: 501,
  description: "Not implemented: Amundsen's operation is a stub that never answers (a 500 there); nothing keeps this",
});

/**
 * Amundsen's `/feature/{key}/...` routes (ML features). As for tables, the key travels unencoded
 * (`/feature/rides/trip_duration/1.2.0/description`), so each route matches it as a wildcard followed
 * by the route's suffix, the longest suffixes declared first.
 */
@Controller('feature')
export class FeaturesController {
  constructor(private readonly features: FeaturesService) {}

  @Get('*path/generation_code')
  @KEY
  @ZodResponse({ status: 200, type: GenerationCodeDto })
  generationCode(@Param('path') path: string | string[]) {
    return this.features.generationCode(featureKeyIn(path, '/generation_code'));
  }

  @Get('*path/lineage')
  @KEY
  @ZodResponse({ status: 200, type: LineageDto })
  lineage(@Param('path') path: string | string[], @Query() query: LineageQueryDto) {
    return this.features.lineage(featureKeyIn(path, '/lineage'), query);
  }

  @Get('*path/description')
  @KEY
  @ZodResponse({ status: 200, type: DescriptionDto })
  description(@Param('path') path: string | string[]) {
    return this.features.description(featureKeyIn(path, '/description'));
  }

  @Get('*path/stats')
  @KEY
  @ApiOperation({ summary: "A feature's statistics (Amundsen: a stub)" })
  @NOT_KEPT
  stats(@Param('path') path: string | string[]) {
    featureKeyIn(path, '/stats');
    return this.features.notKept('statistics');
  }

  @Get('*path/sample_data')
  @KEY
  @ApiOperation({ summary: "A feature's sample data (Amundsen: a stub)" })
  @NOT_KEPT
  sampleData(@Param('path') path: string | string[]) {
    featureKeyIn(path, '/sample_data');
    return this.features.notKept('sample data');
  }

  @Get('*path')
  @KEY
  @ZodResponse({ status: 200, type: FeatureDto })
  detail(@Param('path') path: string | string[]) {
    return this.features.detail(featureKeyIn(path));
  }

  @Put('*path/tag/:tag')
  @KEY
  @EditRoute('feature')
  addTag(
    @Param('path') path: string | string[],
    @Param('tag') tag: string,
    @Query() query: TagQueryDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.features.changeTag('add', featureKeyIn(path, `/tag/${tag}`), tag, query.tag_type, principal);
  }

  @Put('*path/badge/:badge')
  @KEY
  @EditRoute('feature')
  addBadge(
    @Param('path') path: string | string[],
    @Param('badge') badge: string,
    @Query() query: BadgeQueryDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.features.changeBadge('add', featureKeyIn(path, `/badge/${badge}`), badge, query.category, principal);
  }

  @Put('*path/owner/:owner')
  @KEY
  @OWNER
  @EditRoute('feature')
  addOwner(@Param('path') path: string | string[], @Param('owner') owner: string, @CurrentUser() principal: Principal) {
    return this.features.changeOwner('add', featureKeyIn(path, `/owner/${owner}`), owner, principal);
  }

  @Put('*path/description')
  @KEY
  @EditRoute('feature')
  setDescription(@Param('path') path: string | string[], @Body() body: DescriptionInputDto, @CurrentUser() principal: Principal) {
    return this.features.setDescription(featureKeyIn(path, '/description'), body.description, principal);
  }

  @Delete('*path/tag/:tag')
  @KEY
  @EditRoute('feature')
  removeTag(
    @Param('path') path: string | string[],
    @Param('tag') tag: string,
    @Query() query: TagQueryDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.features.changeTag('remove', featureKeyIn(path, `/tag/${tag}`), tag, query.tag_type, principal);
  }

  @Delete('*path/badge/:badge')
  @KEY
  @EditRoute('feature')
  removeBadge(
    @Param('path') path: string | string[],
    @Param('badge') badge: string,
    @Query() query: BadgeQueryDto,
    @CurrentUser() principal: Principal,
  ) {
    return this.features.changeBadge('remove', featureKeyIn(path, `/badge/${badge}`), badge, query.category, principal);
  }

  @Delete('*path/owner/:owner')
  @KEY
  @OWNER
  @EditRoute('feature')
  removeOwner(@Param('path') path: string | string[], @Param('owner') owner: string, @CurrentUser() principal: Principal) {
    return this.features.changeOwner('remove', featureKeyIn(path, `/owner/${owner}`), owner, principal);
  }
}
