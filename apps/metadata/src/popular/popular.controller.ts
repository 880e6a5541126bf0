import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOperation } from '@nestjs/swagger';
import { ZodResponse } from 'nestjs-zod';
import { PopularQueryDto, PopularResourcesDto, PopularTablesDto, PopularTablesQueryDto } from './popular.dtos';
import { PopularService } from './popular.service';

/** Amundsen's `/popular_resources/` and `/popular_resources/{user_id}`. */
@Controller('popular_resources')
export class PopularController {
  constructor(private readonly popular: PopularService) {}

  @Get()
  @ZodResponse({ status: 200, type: PopularResourcesDto })
  global(@Query() query: PopularQueryDto) {
    return this.popular.popular(undefined, query);
  }

  @Get(':userId')
  @ZodResponse({ status: 200, type: PopularResourcesDto })
  personal(@Param('userId') userId: string, @Query() query: PopularQueryDto) {
    return this.popular.popular(userId, query);
  }
}

const DEPRECATED = ApiOperation({ deprecated: true, description: "Amundsen's older form of `/popular_resources/?types=table`." });

/** Amundsen's `/popular_tables/` and `/popular_tables/{user_id}`, deprecated there and served as they are. */
@Controller('popular_tables')
export class PopularTablesController {
  constructor(private readonly popular: PopularService) {}

  @Get()
  @DEPRECATED
  @ZodResponse({ status: 200, type: PopularTablesDto })
  global(@Query() query: PopularTablesQueryDto) {
    return this.popular.popularTables(undefined, query);
  }

  @Get(':userId')
  @DEPRECATED
  @ZodResponse({ status: 200, type: PopularTablesDto })
  personal(@Param('userId') userId: string, @Query() query: PopularTablesQueryDto) {
    return this.popular.popularTables(userId, query);
  }
}
