import { Body, Controller, Get, Inject, Param, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Directory } from '../directory/directory';
import { OidcServers } from '../oidc/oidc-servers';
import type { ServerKind } from '../oidc/provider-factory';
import { DEMO_LOGINS } from './demo-logins';
import { errorPage, loginPage } from './pages';

const SERVERS: readonly ServerKind[] = ['default', 'org'];

/**
 * The sign-in pages of an authorization request: the username and password
 * form, the check, and Okta's `access_denied` for a person not assigned to
 * the application.
 */
@Controller('interaction/:server/:uid')
export class InteractionController {
  constructor(
    @Inject(OidcServers) private readonly servers: OidcServers,
    @Inject(Directory) private readonly directory: Directory,
  ) {}

  @Get()
  async show(@Param('server') server: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const found = await this.interaction(server, req, res);
    if (!found) return;
    const { provider, details } = found;
    if (details.prompt.name === 'consent') return this.consent(provider, details, req, res);
    res.type('html').send(this.form(server, details.uid, String(details.params['client_id'])));
  }

  /** Fram's apps are the organization's own: consent is given without asking, as Okta does for them. */
  private async consent(
    provider: ReturnType<OidcServers['provider']>,
    details: Awaited<ReturnType<ReturnType<OidcServers['provider']>['interactionDetails']>>,
    req: Request,
    res: Response,
  ): Promise<void> {
    const missing = details.prompt.details as {
      missingOIDCScope?: string[];
      missingOIDCClaims?: string[];
      missingResourceScopes?: Record<string, string[]>;
    };
    const grant = details.grantId
      ? await provider.Grant.find(details.grantId)
      : new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params['client_id']) });
    if (!grant) return this.expired(res);
    if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(' '));
    if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
    for (const [resource, scopes] of Object.entries(missing.missingResourceScopes ?? {}))
      grant.addResourceScope(resource, scopes.join(' '));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  @Post('login')
  async login(
    @Param('server') server: string,
    @Body() body: { username?: unknown; password?: unknown },
    @Req() req: Request,
    @Res() res: Response,
  ): Promise<void> {
    const found = await this.interaction(server, req, res);
    if (!found) return;
    const { provider, details } = found;
    const clientId = String(details.params['client_id']);
    const username = typeof body.username === 'string' ? body.username : '';
    const password = typeof body.password === 'string' ? body.password : '';
    const user = this.directory.authenticate(username, password);
    if (!user) {
      res
        .status(401)
        .type('html')
        .send(this.form(server, details.uid, clientId, username, 'The username or password is incorrect. Please try again.'));
      return;
    }
    const client = this.directory.clients.find((c) => c.client_id === clientId);
    if (client && !this.directory.isAssigned(user, client)) {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'User is not assigned to the client application.' },
        { mergeWithLastSubmission: false },
      );
      return;
    }
    await provider.interactionFinished(req, res, { login: { accountId: user.id, amr: ['pwd'] } }, { mergeWithLastSubmission: false });
  }

  @Get('abort')
  async abort(@Param('server') server: string, @Req() req: Request, @Res() res: Response): Promise<void> {
    const provider = this.providerFor(server, res);
    if (!provider) return;
    try {
      await provider.interactionFinished(
        req,
        res,
        { error: 'access_denied', error_description: 'The user cancelled the sign-in.' },
        { mergeWithLastSubmission: false },
      );
    } catch {
      this.expired(res);
    }
  }

  /** The running sign-in of this browser, or undefined once an error page was sent. */
  private async interaction(server: string, req: Request, res: Response) {
    const provider = this.providerFor(server, res);
    if (!provider) return undefined;
    try {
      return { provider, details: await provider.interactionDetails(req, res) };
    } catch {
      this.expired(res);
      return undefined;
    }
  }

  private providerFor(server: string, res: Response) {
    if (!(SERVERS as readonly string[]).includes(server)) {
      res.status(404).type('html').send(errorPage('Not found', 'There is no such sign-in page.'));
      return undefined;
    }
    return this.servers.provider(server as ServerKind);
  }

  private form(server: string, uid: string, clientId: string, username?: string, error?: string): string {
    const client = this.directory.clients.find((c) => c.client_id === clientId);
    return loginPage({
      action: `/interaction/${server}/${uid}/login`,
      clientName: client?.name ?? clientId,
      username,
      error,
      demoLogins: DEMO_LOGINS,
    });
  }

  private expired(res: Response): void {
    res.status(400).type('html').send(errorPage('This sign-in has expired', 'Go back to the application and start signing in again.'));
  }
}
