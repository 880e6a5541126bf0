import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startDevIdp, type DevIdp } from './dev-idp';

/** One request that reached dev-idp through the recorder. */
export interface RecordedRequest {
  method: string;
  /** The path, without the query. */
  path: string;
  query: URLSearchParams;
  /** The form body of a POST (application/x-www-form-urlencoded), else empty. */
  form: URLSearchParams;
  /** The client that authenticated: HTTP Basic's user, else the form's client_id. */
  clientId: string | undefined;
  /** Whether an `Authorization: Basic` header came with it (client_secret_basic; the credentials are not kept). */
  basicAuth: boolean;
}

export interface RecordedDevIdp extends DevIdp {
  /** Every request that came through, oldest first. */
  readonly requests: RecordedRequest[];
  /** The token endpoint's requests (`grant_type` tells which), oldest first. */
  tokenRequests(grantType?: string): RecordedRequest[];
  /** The authorization endpoint's requests, oldest first. */
  authorizationRequests(): RecordedRequest[];
  /** The end-session endpoint's requests, oldest first. */
  endSessionRequests(): RecordedRequest[];
}

export interface RecordedDevIdpOptions {
  /** Changes the discovery documents on their way (e.g. to play an IdP without an end-session endpoint). */
  discovery?: (document: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * The real dev-idp behind a recorder: a plain HTTP relay whose address is
 * dev-idp's origin (DEV_IDP_ORIGIN, so the issuer, the discovery document
 * and every redirect name it), passing each request and answer on unchanged
 * and keeping each request's method, path, query and form (to check what
 * Fram sends the IdP: `resource`, `audience`, `state`, ...), optionally
 * with its discovery documents changed (`options.discovery`). The DevIdp
 * helpers (clientToken, userToken, setFaults) call dev-idp directly and are
 * not recorded.
 */
export async function startRecordedDevIdp(
  env: Record<string, string> = {},
  frontends: readonly string[] = [],
  options: RecordedDevIdpOptions = {},
): Promise<RecordedDevIdp> {
  const requests: RecordedRequest[] = [];
  /** dev-idp's own address, known once it has started. */
  const upstream: { url?: URL } = {};
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const url = new URL(req.url ?? '/', 'http://recorder');
      const form = String(req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')
        ? new URLSearchParams(body.toString('utf8'))
        : new URLSearchParams();
      const basic = /^Basic (.+)$/i.exec(req.headers.authorization ?? '')?.[1];
      const user = basic ? Buffer.from(basic, 'base64').toString('utf8').split(':')[0] : undefined;
      const clientId = user !== undefined ? decodeURIComponent(user) : (form.get('client_id') ?? undefined);
      requests.push({
        method: req.method ?? 'GET',
        path: url.pathname,
        query: url.searchParams,
        form,
        clientId,
        basicAuth: basic !== undefined,
      });
      const discovery = options.discovery && url.pathname.endsWith('/.well-known/openid-configuration') ? options.discovery : undefined;
      const headers = discovery ? { ...req.headers, 'accept-encoding': 'identity' } : req.headers;
      const relay = httpRequest(
        { host: upstream.url!.hostname, port: upstream.url!.port, method: req.method, path: req.url, headers },
        (answer) => {
          if (!discovery || answer.statusCode !== 200) {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
            return;
          }
          const parts: Buffer[] = [];
          answer.on('data', (chunk: Buffer) => parts.push(chunk));
          answer.on('end', () => {
            const document = discovery(JSON.parse(Buffer.concat(parts).toString('utf8')) as Record<string, unknown>);
            res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(document));
          });
        },
      );
      relay.on('error', () => res.writeHead(502).end());
      relay.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let idp: DevIdp;
  try {
    idp = await startDevIdp({ ...env, DEV_IDP_ORIGIN: origin }, frontends);
  } catch (error) {
    server.close();
    throw error;
  }
  upstream.url = new URL(idp.origin);
  const at = (suffix: string) => requests.filter((r) => r.path === `/oauth2/default/v1/${suffix}`);
  return {
    ...idp,
    origin,
    issuer: `${origin}/oauth2/default`,
    requests,
    tokenRequests: (grantType) => at('token').filter((r) => grantType === undefined || r.form.get('grant_type') === grantType),
    authorizationRequests: () => at('authorize'),
    endSessionRequests: () => at('logout'),
    async stop() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await idp.stop();
    },
  };
}
