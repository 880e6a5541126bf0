import { Controller, Get, Param, Req, Res, UseFilters } from '@nestjs/common';
import type { Request, Response } from 'express';
import { NoRoleRequired, Public } from '@fram/auth';
import { NotFoundError } from '@fram/errors';
import { csrfTokenFor } from '../session/csrf';
import { isPagePath, SignInRedirectFilter } from './sign-in-redirect.filter';
import { WebAssets } from './web-assets';

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
  asset(@Param('file') file: string, @Res() res: Response): void {
    const found = this.web.asset(file);
    if (!found) throw new NotFoundError(`No such file: /static/${file}`);
    res.setHeader('Cache-Control', 'public, max-age=300'); // instead of every answer's no-store: code and styles, no data
    res.type(found.type).send(found.body);
  }

  /** Browsers ask for it on every site, signed in or not: never a sign-in redirect. */
  @Public()
  @Get('favicon.ico')
  favicon(@Res() res: Response): void {
    this.asset('favicon.svg', res);
  }

  @Get(['', '*path'])
  @NoRoleRequired()
  @UseFilters(SignInRedirectFilter)
  page(@Req() req: Request, @Res() res: Response): void {
    if (!isPagePath(req.path)) throw new NotFoundError(`No such route: ${req.method} ${req.path}`);
    res.setHeader('Content-Security-Policy', PAGE_CONTENT_SECURITY_POLICY);
    res.type('html').send(this.web.page(csrfTokenFor(req)));
  }
}
