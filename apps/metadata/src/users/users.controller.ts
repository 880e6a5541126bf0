import { Body, Controller, Delete, Get, HttpCode, Param, Put, Res } from '@nestjs/common';
import type { Response } from 'express';
import { CurrentUser, NoRoleRequired, type Principal } from '@fram/auth';
import type { TableSummary, User } from '@fram/models';
import { wildcard } from '../common/edit-access';
import { UsersService } from './users.service';

/** Amundsen's user endpoints: profiles, bookmarks, owned and frequently used resources. */
@Controller('user')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** All active users. */
  @Get()
  list(): Promise<User[]> {
    return this.users.listActive();
  }

  /** Creates or updates a user; 201 when created. */
  @Put()
  @NoRoleRequired()
  async upsert(@Body() body: unknown, @CurrentUser() principal: Principal, @Res({ passthrough: true }) res: Response): Promise<User> {
    const { user, created } = await this.users.upsert(body, principal);
    res.status(created ? 201 : 200);
    return user;
  }

  /** A person: from the store, else from the identity provider's directory (and then stored). */
  @Get(':id')
  get(@Param('id') id: string): Promise<User> {
    return this.users.get(id);
  }

  @Get(':id/follow')
  follows(@Param('id') id: string): Promise<{ table: TableSummary[]; dashboard: [] }> {
    return this.users.follows(id);
  }

  @Get(':id/own')
  owned(@Param('id') id: string): Promise<{ table: TableSummary[]; dashboard: [] }> {
    return this.users.owned(id);
  }

  @Get(':id/read')
  read(@Param('id') id: string): Promise<{ table: TableSummary[] }> {
    return this.users.read(id);
  }

  /** Bookmarks a resource, for oneself. */
  @Put(':id/follow/:type/*key')
  @NoRoleRequired()
  follow(@Param('id') id: string, @Param('type') type: string, @Param('key') key: string | string[], @CurrentUser() principal: Principal) {
    return this.users.changeFollow('add', id, type, wildcard(key), principal);
  }

  @Delete(':id/follow/:type/*key')
  @NoRoleRequired()
  @HttpCode(200)
  unfollow(
    @Param('id') id: string,
    @Param('type') type: string,
    @Param('key') key: string | string[],
    @CurrentUser() principal: Principal,
  ) {
    return this.users.changeFollow('remove', id, type, wildcard(key), principal);
  }
}
