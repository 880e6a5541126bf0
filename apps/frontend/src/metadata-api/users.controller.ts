import { Body, Controller, Delete, Get, Put, Query } from '@nestjs/common';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, NoRoleRequired, type Principal } from '@fram/auth';
import { ForwardedToken } from '../backends/forwarded-token.decorator';
import {
  BookmarkChangeDto,
  BookmarkChangedDto,
  BookmarksDto,
  BookmarksQueryDto,
  OwnDto,
  ReadDto,
  UserDto,
  UserQueryDto,
} from './metadata-api.dtos';
import { FrontendUsersService } from './users.service';

/**
 * Amundsen's frontend user routes. Bookmark changes are always the caller's
 * own: the person comes from the verified token, never from the request.
 */
@Controller('api/metadata/v0/user')
export class UsersController {
  constructor(private readonly users: FrontendUsersService) {}

  @Get()
  @ZodResponse({ status: 200, type: UserDto })
  user(@Query() { user_id }: UserQueryDto, @ForwardedToken() token: string) {
    return this.users.user(user_id, token);
  }

  /** Bookmarks of a person (the caller when no user_id is given). */
  @Get('bookmark')
  @ZodResponse({ status: 200, type: BookmarksDto })
  bookmarks(@Query() query: BookmarksQueryDto, @ForwardedToken() token: string, @CurrentUser() principal: Principal) {
    return this.users.bookmarks(query.user_id ?? principal.userId, token);
  }

  @Put('bookmark')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: BookmarkChangedDto })
  addBookmark(@Body() { type, key }: BookmarkChangeDto, @ForwardedToken() token: string, @CurrentUser() principal: Principal) {
    return this.users.changeBookmark('PUT', principal.userId, type, key, token);
  }

  @Delete('bookmark')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: BookmarkChangedDto })
  removeBookmark(@Body() { type, key }: BookmarkChangeDto, @ForwardedToken() token: string, @CurrentUser() principal: Principal) {
    return this.users.changeBookmark('DELETE', principal.userId, type, key, token);
  }

  @Get('read')
  @ZodResponse({ status: 200, type: ReadDto })
  read(@Query() { user_id }: UserQueryDto, @ForwardedToken() token: string) {
    return this.users.read(user_id, token);
  }

  @Get('own')
  @ZodResponse({ status: 200, type: OwnDto })
  own(@Query() { user_id }: UserQueryDto, @ForwardedToken() token: string) {
    return this.users.own(user_id, token);
  }
}
