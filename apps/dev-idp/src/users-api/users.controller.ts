import { Controller, Get, Inject, Param, Query, Req, Res, UseFilters, UseGuards } from '@nestjs/common';
import type { Request, Response } from 'express';
import { DEV_IDP_CONFIG } from '../config/dev-idp-config.token';
import type { DevIdpConfig } from '../config/dev-idp-config';
import { Directory, type OktaGroup, type OktaUser } from '../directory/directory';
import { ApiClientGuard } from './api-client.guard';
import { OktaApiErrorFilter, oktaErrors } from './okta-api-error';
import { InvalidSearchError, matchesFilter, matchesQuery, parseFilter, type Filter } from './user-query';

const MAX_LIMIT = 200;

/** Okta's Users API: the part Fram's metadata service uses to find people. */
@Controller('api/v1/users')
@UseGuards(ApiClientGuard)
@UseFilters(OktaApiErrorFilter)
export class UsersController {
  constructor(
    @Inject(Directory) private readonly directory: Directory,
    @Inject(DEV_IDP_CONFIG) private readonly config: DevIdpConfig,
  ) {}

  /** `GET /api/v1/users?q=&filter=&limit=&after=`, with Okta's `Link` paging. */
  @Get()
  list(
    @Query('q') q: string | undefined,
    @Query('filter') filterText: string | undefined,
    @Query('search') search: string | undefined,
    @Query('limit') limitText: string | undefined,
    @Query('after') after: string | undefined,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): OktaUser[] {
    let filter: Filter | undefined;
    try {
      const expression = filterText ?? search;
      filter = expression === undefined ? undefined : parseFilter(expression);
    } catch (error) {
      if (error instanceof InvalidSearchError) throw oktaErrors.invalidSearch();
      throw error;
    }
    const limit = limitText === undefined ? MAX_LIMIT : Number(limitText);
    if (!Number.isInteger(limit) || limit < 1) throw oktaErrors.invalidSearch();
    const pageSize = Math.min(limit, MAX_LIMIT);

    const matching = this.directory.users.filter(
      (u) => (q === undefined || matchesQuery(u, q)) && (filter === undefined || matchesFilter(u, filter)),
    );
    const start = after === undefined ? 0 : matching.findIndex((u) => u.id === after) + 1;
    const page = matching.slice(start, start + pageSize);

    const self = new URL(`${this.config.origin}${req.originalUrl}`);
    const links = [`<${self.href}>; rel="self"`];
    if (start + pageSize < matching.length && page.length > 0) {
      const next = new URL(self);
      next.searchParams.set('after', page[page.length - 1].id);
      next.searchParams.set('limit', String(pageSize));
      links.push(`<${next.href}>; rel="next"`);
    }
    res.setHeader('Link', links);
    return page.map((u) => this.directory.toOktaUser(u, this.config.origin));
  }

  /** `GET /api/v1/users/{id or login}` */
  @Get(':idOrLogin')
  get(@Param('idOrLogin') idOrLogin: string): OktaUser {
    const user = this.directory.find(idOrLogin);
    if (!user) throw oktaErrors.notFound(idOrLogin);
    return this.directory.toOktaUser(user, this.config.origin);
  }

  /** `GET /api/v1/users/{id}/groups` */
  @Get(':idOrLogin/groups')
  groups(@Param('idOrLogin') idOrLogin: string): OktaGroup[] {
    const user = this.directory.find(idOrLogin);
    if (!user) throw oktaErrors.notFound(idOrLogin);
    return this.directory.groupsOf(user);
  }
}
