import { Body, Controller, Delete, Get, Param, Put, Res } from '@nestjs/common';
import { ApiParam, ApiResponse } from '@nestjs/swagger';
import type { Response } from 'express';
import { ZodResponse, ZodSerializerDto } from 'nestjs-zod';
import { CurrentUser, NoRoleRequired, type Principal } from '@fram/auth';
import { wildcard } from '../common/edit-access';
import { MessageDto } from '../common/common.dtos';
import { UserDto, UserInputDto, UserReadsDto, UserResourcesDto } from './users.dtos';
import { UsersService } from './users.service';

const KEY = ApiParam({ name: 'key', type: String, description: 'The table or dashboard key, unencoded: hive://gold.core/orders' });

/** Amundsen's user endpoints: profiles, bookmarks, owned and frequently used resources. */
@Controller('user')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  /** All active users. */
  @Get()
  @ZodResponse({ status: 200, type: [UserDto] })
  list() {
    return this.users.listActive();
  }

  /** Creates or updates a user; 201 when created. */
  @Put()
  @NoRoleRequired()
  @ZodSerializerDto(UserDto)
  @ApiResponse({ status: 200, description: 'Updated', type: UserDto.Output })
  @ApiResponse({ status: 201, description: 'Created', type: UserDto.Output })
  async upsert(@Body() body: UserInputDto, @CurrentUser() principal: Principal, @Res({ passthrough: true }) res: Response) {
    const { user, created } = await this.users.upsert(body, principal);
    res.status(created ? 201 : 200);
    return user;
  }

  /** A person: from the store, else from the identity provider's directory (and then stored). */
  @Get(':id')
  @ZodResponse({ status: 200, type: UserDto })
  get(@Param('id') id: string) {
    return this.users.get(id);
  }

  @Get(':id/follow')
  @ZodResponse({ status: 200, type: UserResourcesDto })
  follows(@Param('id') id: string) {
    return this.users.follows(id);
  }

  @Get(':id/own')
  @ZodResponse({ status: 200, type: UserResourcesDto })
  owned(@Param('id') id: string) {
    return this.users.owned(id);
  }

  @Get(':id/read')
  @ZodResponse({ status: 200, type: UserReadsDto })
  read(@Param('id') id: string) {
    return this.users.read(id);
  }

  /** Bookmarks a resource, for oneself. */
  @Put(':id/follow/:type/*key')
  @KEY
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: MessageDto })
  follow(@Param('id') id: string, @Param('type') type: string, @Param('key') key: string | string[], @CurrentUser() principal: Principal) {
    return this.users.changeFollow('add', id, type, wildcard(key), principal);
  }

  @Delete(':id/follow/:type/*key')
  @KEY
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: MessageDto })
  unfollow(
    @Param('id') id: string,
    @Param('type') type: string,
    @Param('key') key: string | string[],
    @CurrentUser() principal: Principal,
  ) {
    return this.users.changeFollow('remove', id, type, wildcard(key), principal);
  }
}
