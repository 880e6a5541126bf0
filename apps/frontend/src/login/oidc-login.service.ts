import { Inject, Injectable, Logger, Optional } from '@nestjs/common';
import type { NextFunction, Request, Response } from 'express';
import passport from 'passport';
import {
  AUTH_CONFIG,
  createLoginStrategy,
  KeyStore,
  loginClientCredentials,
  TokenClient,
  type AuthConfig,
  type OidcClientConfig,
  type OidcEndpoints,
  type SignedIn,
} from '@fram/auth';
import { Clock, systemClock } from '@fram/config';
import { DependencyUnavailableError } from '@fram/errors';
import type { FrontendConfig } from '../config/frontend-config';
import { FRONTEND_CONFIG } from '../config/frontend-config.token';

export const LOGIN_STRATEGY = 'fram-oidc';

/** passport.authenticate as the login uses it (its typings return `any`). */
export type PassportAuthenticate = (
  strategy: string,
  options: object,
  callback?: (error: unknown, user: unknown, info: unknown, status?: number) => void,
) => (req: Request, res: Response, next: NextFunction) => void;

interface Discovered {
  endpoints: OidcEndpoints;
  tokens: TokenClient;
}

/**
 * The sign-in strategy and the frontend's token client, set up on first use
 * from the issuer's discovery document (so the frontend starts even while the
 * IdP is down, and retries).
 */
@Injectable()
export class OidcLoginService {
  private readonly logger = new Logger('OidcLogin');
  private ready: Promise<Discovered> | undefined;
  /** The frontend's OpenID Connect client (FrontendConfig's oidc). */
  readonly config: OidcClientConfig;

  constructor(
    @Inject(FRONTEND_CONFIG) config: FrontendConfig,
    private readonly keys: KeyStore,
    @Optional() @Inject(AUTH_CONFIG) private readonly authConfig?: AuthConfig,
    @Optional() private readonly clock: Clock = systemClock,
  ) {
    this.config = config.oidc;
  }

  /** The discovered endpoints; registers the passport strategy the first time. */
  async endpoints(): Promise<OidcEndpoints> {
    return (await this.discovered()).endpoints;
  }

  /** The token client of the frontend's client (code exchange, refresh, revocation). */
  async tokens(): Promise<TokenClient> {
    return (await this.discovered()).tokens;
  }

  private discovered(): Promise<Discovered> {
    this.ready ??= this.discover().catch((error: unknown) => {
      this.ready = undefined;
      this.logger.warn(
        `Cannot read the discovery document of ${this.config.issuer}: ${error instanceof Error ? error.message : String(error)}`,
      );
      throw new DependencyUnavailableError('Sign-in is temporarily unavailable: the identity provider cannot be reached');
    });
    return this.ready;
  }

  private async discover(): Promise<Discovered> {
    const response = await fetch(`${this.config.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`, {
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`discovery answered ${response.status}`);
    const endpoints = (await response.json()) as OidcEndpoints;
    if (endpoints.issuer !== this.config.issuer) throw new Error(`discovery names issuer ${endpoints.issuer}`);
    const clockToleranceSec = this.authConfig?.clockToleranceSec;
    const tokens = new TokenClient(endpoints, loginClientCredentials(this.config), { clockToleranceSec, params: this.config.tokenParams });
    passport.use(
      LOGIN_STRATEGY,
      createLoginStrategy(
        this.config,
        endpoints,
        this.keys,
        (req, signedIn) => {
          (req as Request & { framSignedIn?: SignedIn }).framSignedIn = signedIn;
        },
        { clockToleranceSec, clock: this.clock, tokens },
      ),
    );
    return { endpoints, tokens };
  }
}
