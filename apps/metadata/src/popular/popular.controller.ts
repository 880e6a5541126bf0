import { Controller, Get, Param, Query } from '@nestjs/common';
import { ZodResponse } from 'nestjs-zod';
import { PopularQueryDto, PopularResourcesDto } from './popular.dtos';
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
