import { Body, Controller, Delete, Get, Put, Query } from '@nestjs/common';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, NoRoleRequired, type Principal } from '@fram/auth';
import { ForwardedToken } from '../backends/forwarded-token.decorator';
import { FrontendFeaturesService } from './features.service';
import {
  DescriptionChangeDto,
  DescriptionDto,
  DoneDto,
  FeatureCodeDto,
  FeatureDto,
  FeatureLineageQueryDto,
  KeyQueryDto,
  LineageDto,
  OwnerChangeDto,
  TagChangeDto,
} from './metadata-api.dtos';

/** Amundsen's frontend feature routes (`/api/metadata/v0/...`), forwarded to metadata with the caller's access token. */
@Controller('api/metadata/v0')
export class FeaturesController {
  constructor(private readonly features: FrontendFeaturesService) {}

  @Get('feature')
  @ZodResponse({ status: 200, type: FeatureDto })
  feature(@Query() { key }: KeyQueryDto, @ForwardedToken() token: string, @CurrentUser() principal: Principal) {
    return this.features.feature(key, token, principal);
  }

  @Get('get_feature_description')
  @ZodResponse({ status: 200, type: DescriptionDto })
  description(@Query() { key }: KeyQueryDto, @ForwardedToken() token: string) {
    return this.features.description(key, token);
  }

  @Put('put_feature_description')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  putDescription(@Body() { key, description }: DescriptionChangeDto, @ForwardedToken() token: string) {
    return this.features.setDescription(key, description, token);
  }

  @Get('get_feature_generation_code')
  @ZodResponse({ status: 200, type: FeatureCodeDto })
  generationCode(@Query() { key }: KeyQueryDto, @ForwardedToken() token: string) {
    return this.features.generationCode(key, token);
  }

  @Get('get_feature_lineage')
  @ZodResponse({ status: 200, type: LineageDto })
  lineage(@Query() query: FeatureLineageQueryDto, @ForwardedToken() token: string) {
    return this.features.lineage(query, token);
  }

  @Put('update_feature_owner')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  addOwner(@Body() { key, owner }: OwnerChangeDto, @ForwardedToken() token: string) {
    return this.features.changeOwner('PUT', key, owner, token);
  }

  @Delete('update_feature_owner')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  removeOwner(@Body() { key, owner }: OwnerChangeDto, @ForwardedToken() token: string) {
    return this.features.changeOwner('DELETE', key, owner, token);
  }

  @Put('update_feature_tags')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  addTag(@Body() { key, tag }: TagChangeDto, @ForwardedToken() token: string) {
    return this.features.changeTag('PUT', key, tag, token);
  }

  @Delete('update_feature_tags')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: DoneDto })
  removeTag(@Body() { key, tag }: TagChangeDto, @ForwardedToken() token: string) {
    return this.features.changeTag('DELETE', key, tag, token);
  }
}
