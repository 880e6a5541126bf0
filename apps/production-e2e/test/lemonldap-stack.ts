import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, ingestSampleCatalog, startLemonLdap, startNode, workspaceRoot, type LemonLdap, type NodeProcess } from '@fram/testing';
import { dist } from './production-stack';

/** The API audience LemonLDAP::NG puts in access tokens (oidcRPMetaDataOptionsAdditionalAudiences), named by AUTH_AUDIENCE. */
export const LEMONLDAP_AUDIENCE = 'https://fram.example.com/api';

/** The frontend client's access tokens live this long at LemonLDAP::NG, so that a session refreshes within a test. */
export const ACCESS_TOKEN_LIFETIME_S = 10;

const dataDir = (name: string) => mkdtempSync(join(tmpdir(), `fram-llng-${name}-`));

/**
 * Fram in production mode trusting LemonLDAP::NG instead of dev-idp,
 * configured by environment variables only: the frontend (plain http on
 * loopback, sessions in its embedded store), metadata (no user directory; its
 * own identity is LemonLDAP::NG's service client) and search. The sample
 * catalog is ingested with a client_credentials token from LemonLDAP::NG.
 */
export interface LemonLdapStack {
  /** What every app is given to verify LemonLDAP::NG's tokens. */
  authEnv: Record<string, string>;
  /** http://127.0.0.1:PORT, the frontend. */
  base: string;
  llng: LemonLdap;
  frontend: NodeProcess;
  metadata: NodeProcess;
  search: NodeProcess;
  stop(): Promise<void>;
}

export async function startLemonLdapStack(): Promise<LemonLdapStack> {
  const frontendPort = await freePort();
  const base = `http://127.0.0.1:${frontendPort}`;
  const llng = await startLemonLdap({
    publicUrl: base,
    audience: LEMONLDAP_AUDIENCE,
    accessTokenLifetimeS: ACCESS_TOKEN_LIFETIME_S,
  });
  const started: NodeProcess[] = [];
  try {
    // What every app verifies: LemonLDAP::NG's issuer and audience, roles from its groups; no clock tolerance, so an expired token is refused at once.
    // Every token request (the frontend's, metadata's) is client_secret_post: LemonLDAP::NG 2.16 does not form-decode
    // client_secret_basic credentials (RFC 6749 §2.3.1), and the client ids have a '-' (fram-frontend, fram-metadata).
    const auth = {
      NODE_ENV: 'production',
      LOG_LEVEL: 'warn',
      OIDC_ISSUER: llng.issuer,
      OIDC_TOKEN_AUTH_METHOD: 'client_secret_post',
      AUTH_AUDIENCE: LEMONLDAP_AUDIENCE,
      AUTH_CLOCK_TOLERANCE_S: '0',
      ADMIN_GROUPS: llng.groups.admins,
      WRITE_GROUPS: llng.groups.editors,
    };
    const search = await startNode(dist('search'), { env: { ...auth, DATA_DIR: dataDir('search') } });
    started.push(search);
    const metadata = await startNode(dist('metadata'), {
      env: {
        ...auth,
        USER_DIRECTORY: 'none',
        SERVICE_CLIENT_ID: llng.clients.metadata.clientId,
        SERVICE_CLIENT_SECRET: llng.clients.metadata.clientSecret,
        SEARCH_URL: search.url,
        SEARCH_SYNC_INTERVAL_MS: '100',
        DATA_DIR: dataDir('metadata'),
      },
    });
    started.push(metadata);
    await ingestSampleCatalog(metadata.url, await llng.clientToken('admin:system read:data'), { searchUrl: search.url });
    const frontend = await startNode(dist('frontend'), {
      port: frontendPort,
      env: {
        ...auth,
        OIDC_CLIENT_ID: llng.clients.frontend.clientId,
        OIDC_CLIENT_SECRET: llng.clients.frontend.clientSecret,
        SESSION_SECRET: randomBytes(48).toString('base64'),
        PUBLIC_URL: base,
        METADATA_URL: metadata.url,
        SEARCH_URL: search.url,
        WEB_ROOT: join(workspaceRoot(), 'dist', 'apps', 'web'),
        DATA_DIR: dataDir('frontend'),
      },
    });
    started.push(frontend);
    return {
      authEnv: auth,
      base,
      llng,
      frontend,
      metadata,
      search,
      async stop() {
        for (const service of started.reverse()) await service.stop();
        await llng.stop();
      },
    };
  } catch (error) {
    const logs = started.map((service) => `${service.url}:\n${service.output()}`).join('\n');
    for (const service of started.reverse()) await service.stop();
    await llng.stop();
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n${logs}\nLemonLDAP::NG:\n${llng.output()}`);
  }
}
