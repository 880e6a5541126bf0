import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import { ApiParam } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { NoRoleRequired, Public } from '@fram/auth';
import { NotFoundError } from '@fram/errors';
import { ApiFileResponse, ApiHtmlResponse, ApiRedirectResponse } from '../common/api-docs';
import { csrfTokenFor } from '../session/csrf';
import { isPagePath, SignInRedirectFilter } from './sign-in-redirect.filter';
import { ASSET_TYPES, WebAssets } from './web-assets';

/**
 * The pages load only their own code and styles, and no other site may frame
 * them. (The other security headers, no-store among them, are every answer's:
 * libs/service sets them.)
 */
const PAGE_CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * The web UI: its static files (public: code and styles, no data), and its
 * pages, which need a sign-in — a browser without one is sent to /login
 * and comes back to the page it asked for.
 */
@Controller()
export class WebUiController {
  constructor(private readonly web: WebAssets) {}

  @Public()
  @Get('static/:file')
  @ApiFileResponse("The web UI's code, styles and images", ASSET_TYPES)
  asset(@Param('file') file: string, @Res() res: Response): void {
    const found = this.web.asset(file);
    if (!found) throw new NotFoundError(`No such file: /static/${file}`);
    res.setHeader('Cache-Control', 'public, max-age=300'); // instead of every answer's no-store: code and styles, no data
    res.type(found.type).send(found.body);
  }

  /** Browsers ask for it on every site, signed in or not: never a sign-in redirect. */
  @Public()
  @Get('favicon.ico')
  @ApiFileResponse("The web UI's icon", ['image/svg+xml'])
  favicon(@Res() res: Response): void {
    this.asset('favicon.svg', res);
  }

  @Get()
  @NoRoleRequired()
  @UseFilters(SignInRedirectFilter)
  @ApiHtmlResponse(200, "The web UI's home page")
  @ApiRedirectResponse(302, 'A browser without a sign-in: to /login, which comes back here')
  home(@Req() req: Request, @Res() res: Response): void {
    this.page(req, res);
  }

  /** Any other path that is not the API's (unknown API paths are a 404 here, never a page). */
  @Get('*path')
  @NoRoleRequired()
  @ApiParam({ name: 'path', description: "A page's path, e.g. table_detail/gold/hive/core/orders", type: String })
  @UseFilters(SignInRedirectFilter)
  @ApiHtmlResponse(200, 'A page of the web UI (it routes in the browser)')
  @ApiRedirectResponse(302, 'A browser without a sign-in: to /login, which comes back to the page')
  page(@Req() req: Request, @Res() res: Response): void {
    if (!isPagePath(req.path)) throw new NotFoundError(`No such route: ${req.method} ${req.path}`);
    res.setHeader('Content-Security-Policy', PAGE_CONTENT_SECURITY_POLICY);
    res.type('html').send(this.web.page(csrfTokenFor(req)));
  }
}
