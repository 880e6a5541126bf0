import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { sign, type SignOptions } from 'jsonwebtoken';

/** A signing key of a TestIssuer. */
export interface TestKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

/** How the test issuer's endpoints behave: normally, slowly, or not at all. */
export type IssuerMode = { kind: 'up' } | { kind: 'slow'; delayMs: number } | { kind: 'error'; status: number } | { kind: 'refuse' };

/**
 * How a discovery or key-set document is served, to test a service's limits:
 * padded to exactly `bytes` (with an extra top-level member), with `extraKeys`
 * copies of the active public key under other kids (keys only), sent in chunks
 * without Content-Length, or as a body that never ends.
 */
export interface DocumentShape {
  bytes?: number;
  extraKeys?: number;
  chunked?: boolean;
  endless?: boolean;
}

export interface TestIssuerOptions {
  /** Path of the issuer under the server's origin; Okta's custom server shape by default. */
  path?: string;
  /** Keys published at start (the first one signs). */
  keys?: number;
}

/**
 * TEST DOUBLE of an identity provider's discovery and key-set endpoints: a
 * real HTTP server on 127.0.0.1 that publishes real RSA keys and signs real
 * RS256 tokens with them. It can rotate keys, answer slowly, fail, or refuse
 * connections, and it counts the requests it gets and the answers it sent. The full OpenID provider
 * for development and end-to-end tests is apps/dev-idp.
 */
export class TestIssuer {
  readonly requests = { discovery: 0, keys: 0, other: 0 };
  /** Answers sent so far (a slow answer counts once it is sent). */
  readonly answered = { discovery: 0, keys: 0, other: 0 };
  private mode: IssuerMode = { kind: 'up' };
  private shapes: Partial<Record<'discovery' | 'keys', DocumentShape>> = {};
  private keys: TestKey[] = [];
  private readonly sockets = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    readonly issuer: string,
    private readonly path: string,
  ) {}

  static async start(options: TestIssuerOptions = {}): Promise<TestIssuer> {
    const path = options.path ?? '/oauth2/default';
    let handler: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;
    const server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const issuer = new TestIssuer(server, `http://127.0.0.1:${port}${path}`, path);
    for (let i = 0; i < (options.keys ?? 1); i++) issuer.keys.push(newKey());
    server.on('connection', (socket) => {
      issuer.sockets.add(socket);
      socket.on('close', () => issuer.sockets.delete(socket));
    });
    handler = (req, res) => issuer.handle(req, res);
    return issuer;
  }

  get jwksUri(): string {
    return `${this.issuer}/v1/keys`;
  }

  /** The key that signs by default. */
  get activeKey(): TestKey {
    return this.keys[0];
  }

  setMode(mode: IssuerMode): void {
    this.mode = mode;
  }

  /** Serves the discovery or key-set document in an unusual shape; undefined: normally again. */
  setDocumentShape(route: 'discovery' | 'keys', shape: DocumentShape | undefined): void {
    this.shapes[route] = shape;
  }

  /** Publishes a new key that signs from now on; the old key is withdrawn unless kept. */
  rotate(options: { keepOld?: boolean } = {}): TestKey {
    const key = newKey();
    this.keys = options.keepOld ? [key, ...this.keys] : [key];
    return key;
  }

  resetCounts(): void {
    this.requests.discovery = 0;
    this.requests.keys = 0;
    this.requests.other = 0;
    this.answered.discovery = 0;
    this.answered.keys = 0;
    this.answered.other = 0;
  }

  /**
   * A signed access token with Okta's claims for a person. `claims` override or,
   * with value undefined, remove the defaults.
   */
  token(
    claims: Record<string, unknown> = {},
    options: { key?: TestKey; algorithm?: SignOptions['algorithm']; header?: Record<string, unknown> } = {},
  ): string {
    const now = Math.floor(Date.now() / 1000);
    const payload: Record<string, unknown> = {
      ver: 1,
      jti: `AT.${randomUUID()}`,
      iss: this.issuer,
      aud: 'api://fram',
      iat: now,
      exp: now + 3600,
      cid: '0oa-fram-frontend',
      uid: '00u-ada',
      scp: ['openid', 'email', 'profile'],
      sub: 'ada@example.com',
      groups: ['Everyone'],
      ...claims,
    };
    return this.signed(payload, options);
  }

  /**
   * A token signed with exactly these claims, none added (claims with value
   * undefined are left out): for tokens shaped as another provider issues them.
   */
  signed(
    claims: Record<string, unknown>,
    options: { key?: TestKey; algorithm?: SignOptions['algorithm']; header?: Record<string, unknown> } = {},
  ): string {
    const payload = Object.fromEntries(Object.entries(claims).filter(([, value]) => value !== undefined));
    const key = options.key ?? this.activeKey;
    const algorithm = options.algorithm ?? 'RS256';
    // A string payload is signed as it is, so tests can send claims of any type.
    return sign(JSON.stringify(payload), key.privateKey, {
      algorithm,
      header: { alg: algorithm, kid: key.kid, ...options.header },
    });
  }

  /** A client_credentials token as Okta issues it: `sub` is the client id, no `uid`, no groups. */
  serviceToken(clientId: string, scopes: string[], claims: Record<string, unknown> = {}): string {
    return this.token({ sub: clientId, cid: clientId, uid: undefined, groups: undefined, scp: scopes, ...claims });
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route =
      url.pathname === `${this.path}/.well-known/openid-configuration`
        ? 'discovery'
        : url.pathname === `${this.path}/v1/keys`
          ? 'keys'
          : 'other';
    this.requests[route] += 1;
    const mode = this.mode;
    if (mode.kind === 'refuse') {
      req.socket.destroy();
      return;
    }
    const answer = () => {
      this.answered[route] += 1;
      if (mode.kind === 'error') return send(res, mode.status, { errorCode: 'E0000009', errorSummary: 'Internal Server Error' });
      if (route === 'discovery') return sendShaped(res, this.discovery(), this.shapes.discovery);
      if (route === 'keys') return sendShaped(res, { keys: this.publishedKeys() }, this.shapes.keys);
      return send(res, 404, { errorCode: 'E0000022', errorSummary: 'Not found' });
    };
    if (mode.kind === 'slow') setTimeout(answer, mode.delayMs).unref();
    else answer();
  }

  private publishedKeys() {
    const extra = Array.from({ length: this.shapes.keys?.extraKeys ?? 0 }, (_, i) => ({ ...publicJwk(this.activeKey), kid: `extra-${i}` }));
    return [...this.keys.map(publicJwk), ...extra];
  }

  private discovery() {
    return {
      issuer: this.issuer,
      authorization_endpoint: `${this.issuer}/v1/authorize`,
      token_endpoint: `${this.issuer}/v1/token`,
      jwks_uri: this.jwksUri,
      response_types_supported: ['code'],
      subject_types_supported: ['public'],
      id_token_signing_alg_values_supported: ['RS256'],
    };
  }
}

function newKey(): TestKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomUUID(), privateKey, publicKey };
}

function publicJwk(key: TestKey) {
  return { ...key.publicKey.export({ format: 'jwk' }), kid: key.kid, alg: 'RS256', use: 'sig' };
}

function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'max-age=300' });
  res.end(JSON.stringify(body));
}

function sendShaped(res: ServerResponse, document: Record<string, unknown>, shape: DocumentShape = {}): void {
  if (res.destroyed) return;
  let body = JSON.stringify(document);
  if (shape.bytes !== undefined) {
    const bare = JSON.stringify({ ...document, padding: '' });
    body = JSON.stringify({ ...document, padding: 'x'.repeat(Math.max(0, shape.bytes - Buffer.byteLength(bare))) });
  }
  if (!shape.chunked && !shape.endless) {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'max-age=300' });
    res.end(body);
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' }); // no Content-Length: chunked
  if (shape.endless) {
    // A JSON document that never ends: `{"keys":[` and then whitespace for as long as the client reads.
    const filler = ' '.repeat(64 * 1024);
    const pump = () => {
      while (!res.destroyed && res.write(filler));
    };
    res.write('{"keys":[');
    res.on('drain', pump);
    pump();
    return;
  }
  for (let i = 0; i < body.length; i += 16 * 1024) res.write(body.slice(i, i + 16 * 1024));
  res.end();
}
