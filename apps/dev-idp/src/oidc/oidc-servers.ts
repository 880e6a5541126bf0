import type { IncomingMessage, ServerResponse } from 'node:http';
import type Provider from 'oidc-provider';
import { createLocalJWKSet, type JWK } from 'jose';
import type { DevIdpConfig } from '../config/dev-idp-config';
import type { Directory } from '../directory/directory';
import type { FaultState } from '../faults/fault-state';
import { answerForJwtAccessToken } from './jwt-token-endpoints';
import { createProvider, serverShapes, type ServerKind, type ServerShape } from './provider-factory';
import type { SigningKeys } from './signing-keys';

type Handler = (req: IncomingMessage, res: ServerResponse) => void;
type Next = () => void;

const CUSTOM_MOUNT = '/oauth2/default';
const PRIVATE_MEMBERS = ['d', 'p', 'q', 'dp', 'dq', 'qi'] as const;

/**
 * Both authorization servers — the custom one at /oauth2/default (Fram's APIs
 * trust it) and the org one at the root (tokens for Okta's own APIs) — and
 * the Express middleware that routes requests to them. Rotating the signing
 * key rebuilds both; sessions and grants live in oidc-provider's shared
 * in-memory store and survive it.
 */
export class OidcServers {
  readonly shapes: Record<ServerKind, ServerShape>;
  private providers!: Record<ServerKind, Provider>;
  private handlers!: Record<ServerKind, Handler>;

  constructor(
    private readonly config: DevIdpConfig,
    private readonly directory: Directory,
    private readonly keys: SigningKeys,
    private readonly faults: FaultState,
  ) {
    this.shapes = serverShapes(config);
    this.build();
  }

  provider(kind: ServerKind): Provider {
    return this.providers[kind];
  }

  /** A new signing key, used from now on; the old one stays published unless withdrawn. */
  rotate(options: { withdrawOld?: boolean } = {}): string {
    const kid = this.keys.rotate(options);
    this.build();
    return kid;
  }

  /** The public keys, for verifying dev-idp's own tokens (the Users API accepts org tokens). */
  localKeySet() {
    const keys = this.keys.all.map((k) => {
      const publicKey: Record<string, unknown> = { ...k };
      for (const member of PRIVATE_MEMBERS) delete publicKey[member];
      return publicKey as unknown as JWK;
    });
    return createLocalJWKSet({ keys });
  }

  /** Express middleware: OIDC requests go to their server, everything else to Nest. */
  middleware() {
    return (req: IncomingMessage, res: ServerResponse, next: Next): void => {
      const path = (req.url ?? '/').split('?')[0];
      let kind: ServerKind | undefined;
      if (path === CUSTOM_MOUNT || path.startsWith(`${CUSTOM_MOUNT}/`)) {
        kind = 'default';
        req.url = req.url!.slice(CUSTOM_MOUNT.length) || '/';
      } else if (path.startsWith('/oauth2/v1/') || path.startsWith('/.well-known/')) {
        kind = 'org';
      }
      if (kind === undefined) return next();
      // Okta also serves the metadata as an OAuth authorization server document.
      req.url = req.url!.replace('/.well-known/oauth-authorization-server', '/.well-known/openid-configuration');
      req.url = withOfflineConsent(req.url, `${this.shapes[kind].prefix}/authorize`);
      // oidc-provider finds its mount path by comparing originalUrl with url.
      (req as IncomingMessage & { originalUrl?: string }).originalUrl = (kind === 'default' ? CUSTOM_MOUNT : '') + req.url;
      const handler = this.handlers[kind];
      const shape = this.shapes[kind];
      if (/\/(userinfo|introspect)$/.test(req.url.split('?')[0])) {
        answerForJwtAccessToken(req, res, shape, this, this.directory).then(
          (answered) => (answered ? undefined : handler(req, res)),
          () => unavailable(res),
        );
        return;
      }
      const isKeys = req.url.split('?')[0] === `${this.shapes[kind].prefix}/keys`;
      if (isKeys && this.faults.keys === 'down') return unavailable(res);
      if (isKeys && this.faults.keys === 'slow') {
        setTimeout(() => handler(req, res), this.faults.keysDelayMs).unref();
        return;
      }
      handler(req, res);
    };
  }

  private build(): void {
    const make = (kind: ServerKind) => createProvider(this.shapes[kind], this.config, this.directory, this.keys, this.faults);
    this.providers = { default: make('default'), org: make('org') };
    const serve = (provider: Provider): Handler => {
      const callback = provider.callback();
      return (req, res) => void callback(req, res);
    };
    this.handlers = { default: serve(this.providers.default), org: serve(this.providers.org) };
  }
}

/**
 * Okta grants offline_access on request; oidc-provider only with prompt=consent
 * (OpenID Connect Core 11). So an authorization request for offline_access
 * without a prompt gets prompt=consent, which the sign-in pages answer
 * without asking, as Okta does for its own apps.
 */
function withOfflineConsent(url: string, authorizePath: string): string {
  const [path, query] = url.split('?') as [string, string | undefined];
  if (path !== authorizePath || query === undefined) return url;
  const params = new URLSearchParams(query);
  if (!params.get('scope')?.split(' ').includes('offline_access') || params.has('prompt')) return url;
  params.set('prompt', 'consent');
  return `${path}?${params.toString()}`;
}

function unavailable(res: ServerResponse): void {
  res.writeHead(503, { 'content-type': 'application/json', 'retry-after': '5' });
  res.end(JSON.stringify({ errorCode: 'E0000009', errorSummary: 'Internal Server Error (fault switch: keys down)' }));
}
