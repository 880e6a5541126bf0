import { Controller, Get, Req } from '@nestjs/common';
import type { Request } from 'express';
import { ZodResponse } from 'nestjs-zod';
import { CurrentUser, NoRoleRequired, type Principal, type SignedIn } from '@fram/auth';
import { ForwardedToken } from '../backends/forwarded-token.decorator';
import { AuthUserService } from './auth-user.service';
import { AuthUserDto } from './metadata-api.dtos';

/** Amundsen's `GET /api/auth_user`: the signed-in person and their roles (AuthUserService). */
@Controller('api')
export class AuthUserController {
  constructor(private readonly authUsers: AuthUserService) {}

  @Get('auth_user')
  @NoRoleRequired()
  @ZodResponse({ status: 200, type: AuthUserDto })
  authUser(@CurrentUser() principal: Principal, @ForwardedToken() token: string, @Req() req: Request) {
    const signedIn = (req.session as unknown as { signedIn?: SignedIn } | undefined)?.signedIn;
    return this.authUsers.authUser(principal, token, signedIn);
  }
}
