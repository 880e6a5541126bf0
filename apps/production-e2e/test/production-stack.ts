import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import {
  DEV_IDP_USERS_API_TOKEN,
  freePort,
  ingestSampleCatalog,
  makeTlsCertificate,
  startDevIdp,
  startNginx,
  startNode,
  startRedisServer,
  workspaceRoot,
  type DevIdp,
  type Nginx,
  type NodeProcess,
  type RedisServer,
  type TlsCertificate,
} from '@fram/testing';

const root = workspaceRoot();
export const dist = (app: string) => join(root, 'dist', 'apps', app, 'main.js');
const dataDir = (name: string) => mkdtempSync(join(tmpdir(), `fram-prod-${name}-`));

/** Roles from dev-idp's groups, as an operator sets them. */
export const ROLE_GROUPS = { ADMIN_GROUPS: 'Fram Admins', WRITE_GROUPS: 'Data Engineers,Analysts' };

/** What every production frontend needs besides its address (dev-idp's frontend client, a strong secret, shared Redis). */
export function frontendEnv(
  idp: DevIdp,
  redisUrl: string,
  publicUrl: string,
  backends: { metadata: string; search: string },
): Record<string, string> {
  return {
    NODE_ENV: 'production',
    LOG_LEVEL: 'warn',
    OIDC_ISSUER: idp.issuer,
    OIDC_CLIENT_ID: 'fram-frontend',
    OIDC_CLIENT_SECRET: 'fram-frontend-dev-secret',
    SESSION_SECRET: SESSION_SECRET,
    REDIS_URL: redisUrl,
    PUBLIC_URL: publicUrl,
    TRUST_PROXY: 'loopback',
    METADATA_URL: backends.metadata,
    SEARCH_URL: backends.search,
    WEB_ROOT: join(root, 'dist', 'apps', 'web'),
    DATA_DIR: dataDir('frontend'),
    ...ROLE_GROUPS,
  };
}

/** One secret shared by the replicas, made as the README says (openssl rand -base64 48). */
const SESSION_SECRET = randomBytes(48).toString('base64');

/**
 * Fram as an operator runs it: nginx terminating TLS (a certificate made by
 * openssl) in front of two frontend replicas in production mode that share
 * their sessions in a real redis-server; metadata and search in production
 * mode; dev-idp as the identity provider (explicitly allowed in production).
 */
export interface ProductionStack {
  /** https://localhost:PORT, nginx. */
  base: string;
  idp: DevIdp;
  certificate: TlsCertificate;
  nginx: Nginx;
  redis: RedisServer;
  frontends: NodeProcess[];
  metadata: NodeProcess;
  search: NodeProcess;
  stop(): Promise<void>;
}

export async function startProductionStack(): Promise<ProductionStack> {
  const proxyPort = await freePort();
  const base = `https://localhost:${proxyPort}`;
  const certificate = makeTlsCertificate(['localhost', '127.0.0.1']);
  const [redis, idp] = await Promise.all([
    startRedisServer(),
    startDevIdp({ NODE_ENV: 'production', DEV_IDP_ALLOW_PRODUCTION: 'yes' }, [base]),
  ]);
  const api = { NODE_ENV: 'production', LOG_LEVEL: 'warn', OIDC_ISSUER: idp.issuer, ...ROLE_GROUPS };
  const search = await startNode(dist('search'), { env: { ...api, DATA_DIR: dataDir('search') } });
  const metadata = await startNode(dist('metadata'), {
    env: {
      ...api,
      OKTA_ORG_URL: idp.origin,
      OKTA_API_TOKEN: DEV_IDP_USERS_API_TOKEN,
      SERVICE_CLIENT_ID: 'fram-metadata',
      SERVICE_CLIENT_SECRET: 'fram-metadata-dev-secret',
      SEARCH_URL: search.url,
      SEARCH_SYNC_INTERVAL_MS: '100',
      DATA_DIR: dataDir('metadata'),
    },
  });
  await ingestSampleCatalog(metadata.url, await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'admin:system read:data'), {
    searchUrl: search.url,
  });
  const env = frontendEnv(idp, redis.url, base, { metadata: metadata.url, search: search.url });
  const frontends = await Promise.all([startNode(dist('frontend'), { env }), startNode(dist('frontend'), { env })]);
  const nginx = await startNginx(
    frontends.map((f) => `127.0.0.1:${f.port}`),
    certificate,
    { port: proxyPort },
  );
  return {
    base,
    idp,
    certificate,
    nginx,
    redis,
    frontends,
    metadata,
    search,
    async stop() {
      await nginx.stop();
      for (const service of [...frontends, metadata, search]) await service.stop();
      await Promise.all([idp.stop(), redis.stop()]);
    },
  };
}

/**
 * Debian's Chromium, headless, trusting exactly the stack's certificate (its
 * public key pinned; none for a plain-http stack on loopback) and nothing
 * else that would fail verification.
 */
export function launchChromium(certificate?: TlsCertificate): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...(certificate ? [`--ignore-certificate-errors-spki-list=${certificate.spkiSha256}`] : []),
    ],
  });
}
