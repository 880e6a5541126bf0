import { Controller, Get, Param, Query } from '@nestjs/common';
import { PopularService } from './popular.service';

/** Amundsen's `/popular_resources/` and `/popular_resources/{user_id}`. */
@Controller('popular_resources')
export class PopularController {
  constructor(private readonly popular: PopularService) {}

  @Get()
  global(@Query('limit') limit?: string, @Query('types') types?: string) {
    return this.popular.popular(undefined, limit, types);
  }

  @Get(':userId')
  personal(@Param('userId') userId: string, @Query('limit') limit?: string, @Query('types') types?: string) {
    return this.popular.popular(userId, limit, types);
  }
}
