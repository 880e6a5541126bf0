/**
 * npm run reindex
 *
 * Asks the metadata service to send the whole catalog to the search service
 * (POST /search/reindex), with an admin client_credentials token. Environment
 * as for `npm run ingest`: METADATA_URL, TOKEN or OIDC_ISSUER +
 * INGEST_CLIENT_ID + INGEST_CLIENT_SECRET (+ INGEST_SCOPES).
 */
import { scriptToken, TokenError } from '@fram/catalog-tools';

async function main(): Promise<number> {
  const env = process.env;
  const metadataUrl = (env['METADATA_URL'] ?? 'http://127.0.0.1:5002').replace(/\/$/, '');
  const token = await scriptToken(env)();
  const started = Date.now();
  process.stderr.write(`Reindexing search from ${metadataUrl} ...\n`);
  const response = await fetch(`${metadataUrl}/search/reindex`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  const body = (await response.json().catch(() => ({}))) as {
    reindexed?: Record<string, number>;
    refused?: { type: string; key: string; reason: string }[];
    message?: string;
  };
  if (!response.ok || !body.reindexed) {
    process.stderr.write(`reindex failed: ${response.status} ${body.message ?? ''}\n`);
    return 1;
  }
  const { table = 0, dashboard = 0, feature = 0, user = 0 } = body.reindexed;
  process.stdout.write(
    `Reindexed ${table} tables, ${dashboard} dashboards, ${feature} features and ${user} people in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
  );
  const refused = body.refused ?? [];
  if (refused.length > 0) {
    // Skipped, not fatal: they are set aside and retried (GET /search/set-aside, POST /search/set-aside/retry).
    process.stdout.write(`Search refused ${refused.length} documents (set aside; see GET /search/set-aside):\n`);
    for (const r of refused) process.stdout.write(`  ${r.type} ${r.key}: ${r.reason}\n`);
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    process.stderr.write(
      `reindex failed: ${error instanceof TokenError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exitCode = 1;
  },
);
