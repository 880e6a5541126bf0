import { Controller, Get, Query } from '@nestjs/common';
import { ZodResponse } from 'nestjs-zod';
import { ForwardedToken } from '../backends/forwarded-token.decorator';
import { FrontendCatalogService } from './catalog.service';
import { BadgesDto, LastIndexedDto, PopularQueryDto, PopularResourcesDto, TagsDto } from './metadata-api.dtos';

/** The home page's taxonomy and freshness: popular resources, tags, badges, last indexed. */
@Controller('api/metadata/v0')
export class CatalogController {
  constructor(private readonly catalog: FrontendCatalogService) {}

  @Get('popular_resources')
  @ZodResponse({ status: 200, type: PopularResourcesDto })
  popular(@Query() { types }: PopularQueryDto, @ForwardedToken() token: string) {
    return this.catalog.popular(types, token);
  }

  @Get('tags')
  @ZodResponse({ status: 200, type: TagsDto })
  tags(@ForwardedToken() token: string) {
    return this.catalog.tags(token);
  }

  @Get('badges')
  @ZodResponse({ status: 200, type: BadgesDto })
  badges(@ForwardedToken() token: string) {
    return this.catalog.badges(token);
  }

  /** Fram's: the badges editors may put on resources (metadata's WHITELIST_BADGES); `badges` lists those in use. */
  @Get('allowed_badges')
  @ZodResponse({ status: 200, type: BadgesDto })
  allowedBadges(@ForwardedToken() token: string) {
    return this.catalog.allowedBadges(token);
  }

  @Get('get_last_indexed')
  @ZodResponse({ status: 200, type: LastIndexedDto })
  lastIndexed(@ForwardedToken() token: string) {
    return this.catalog.lastIndexed(token);
  }
}
