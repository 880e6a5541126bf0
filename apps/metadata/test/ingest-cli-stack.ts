import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bundleScript, call, runNode, startDevIdp, startTestApp, type DevIdp, type RunningApp } from '@fram/testing';
import { metadataApp } from './metadata-app';

/** `npm run ingest` (bundled, run as a child process) against a metadata service trusting a dev-idp. */
export interface IngestCliStack {
  idp: DevIdp;
  api: RunningApp;
  /** Runs the command with these arguments, METADATA_URL and OIDC_ISSUER set (and `env`). */
  run(args: string[], env?: Record<string, string>): ReturnType<typeof runNode>;
  /** An admin's token from dev-idp (the scripts' client). */
  admin(): Promise<string>;
  /** GET on metadata with an admin's token. */
  get(path: string): ReturnType<typeof call>;
  stop(): Promise<void>;
}

export async function startIngestCliStack(): Promise<IngestCliStack> {
  const cli = bundleScript('apps/metadata/src/cli/ingest.main.ts');
  const idp = await startDevIdp();
  const api = await startTestApp(
    metadataApp({ AUTH_ISSUERS: idp.issuer, DATA_DIR: mkdtempSync(join(tmpdir(), 'fram-ingest-')), OKTA_ORG_URL: idp.origin }),
  );
  const admin = () => idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'read:data admin:system');
  return {
    idp,
    api,
    run: (args, env = {}) => runNode(cli, { METADATA_URL: api.url, OIDC_ISSUER: idp.issuer, ...env }, 60_000, args),
    admin,
    get: async (path) => call(`${api.url}${path}`, { token: await admin() }),
    async stop() {
      await api.close();
      await idp.stop();
    },
  };
}
