import { mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRemoteJWKSet, jwtVerify } from 'jose';
import { DEV_IDP_ADMIN_TOKEN, devIdpScript, freePort, runNode, startNode, type NodeProcess } from '@fram/testing';

interface PublicJwk {
  kid: string;
  kty: string;
  n: string;
  e: string;
  d?: string;
}

/** dev-idp on a fixed port (so its issuer stays the same across restarts), with the fault switches on. */
async function startOn(port: number, env: Record<string, string>): Promise<NodeProcess & { issuer: string }> {
  const origin = `http://127.0.0.1:${port}`;
  const idp = await startNode(devIdpScript(), { port, env: { DEV_IDP_ORIGIN: origin, DEV_IDP_FAULTS: 'on', LOG_LEVEL: 'log', ...env } });
  return Object.assign(idp, { issuer: `${origin}/oauth2/default` });
}

const keysOf = async (issuer: string) => ((await (await fetch(`${issuer}/v1/keys`)).json()) as { keys: PublicJwk[] }).keys;

async function scriptsToken(issuer: string): Promise<string> {
  const response = await fetch(`${issuer}/v1/token`, {
    method: 'POST',
    headers: {
      authorization: `Basic ${Buffer.from('fram-scripts:fram-scripts-dev-secret').toString('base64')}`,
      'content-type': 'application/x-www-form-urlencoded',
    },
    body: new URLSearchParams({ grant_type: 'client_credentials', scope: 'read:data' }),
  });
  return ((await response.json()) as { access_token: string }).access_token;
}

const verifyAt = (issuer: string, token: string) =>
  jwtVerify(token, createRemoteJWKSet(new URL(`${issuer}/v1/keys`)), { issuer, audience: 'api://fram' });

describe('dev-idp: signing keys under DATA_DIR', () => {
  it('keeps its signing keys across a restart, so tokens issued before it still verify', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'fram-idp-keys-')), 'not-yet-there');
    const port = await freePort();
    const first = await startOn(port, { DATA_DIR: dataDir });
    let keysBefore: PublicJwk[];
    let token: string;
    try {
      keysBefore = await keysOf(first.issuer);
      token = await scriptsToken(first.issuer);
      expect(first.output()).toContain(`Signing keys: kept in ${join(dataDir, 'dev-idp-keys.json')}`);
    } finally {
      await first.stop();
    }

    const keyFile = join(dataDir, 'dev-idp-keys.json');
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(readdirSync(dataDir)).toEqual(['dev-idp-keys.json']); // no temporary file left behind

    const second = await startOn(port, { DATA_DIR: dataDir });
    try {
      const keysAfter = await keysOf(second.issuer);
      expect(keysAfter).toEqual(keysBefore);
      expect(keysAfter.every((k) => k.d === undefined)).toBe(true); // only public parts are published
      const { protectedHeader } = await verifyAt(second.issuer, token);
      expect(protectedHeader.kid).toBe(keysBefore[0].kid);
    } finally {
      await second.stop();
    }
  });

  it('keeps a rotated key set too', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fram-idp-keys-'));
    const port = await freePort();
    const first = await startOn(port, { DATA_DIR: dataDir });
    let rotated: string[];
    try {
      const response = await fetch(`${first.url}/admin/keys/rotate`, {
        method: 'POST',
        headers: { authorization: `SSWS ${DEV_IDP_ADMIN_TOKEN}` },
      });
      expect(response.status).toBe(200);
      rotated = (await keysOf(first.issuer)).map((k) => k.kid);
      expect(rotated).toHaveLength(2);
    } finally {
      await first.stop();
    }
    expect(statSync(join(dataDir, 'dev-idp-keys.json')).mode & 0o777).toBe(0o600);
    const second = await startOn(port, { DATA_DIR: dataDir });
    try {
      expect((await keysOf(second.issuer)).map((k) => k.kid)).toEqual(rotated);
    } finally {
      await second.stop();
    }
  });

  it('makes new keys at every start without DATA_DIR', async () => {
    const port = await freePort();
    const kids: string[] = [];
    for (let i = 0; i < 2; i++) {
      const idp = await startOn(port, { DATA_DIR: '' });
      try {
        kids.push((await keysOf(idp.issuer))[0].kid);
        expect(idp.output()).toContain('Signing keys: in memory, new at every start (set DATA_DIR to keep them)');
      } finally {
        await idp.stop();
      }
    }
    expect(kids[0]).not.toBe(kids[1]);
  });

  it.each([
    ['is not JSON', '{"keys": [', 'it is not JSON'],
    ['holds no keys', '{"keys": []}', 'it is not a key set: keys: holds no keys'],
    ['holds something else', '{"keys": [{"kty": "RSA", "kid": "k"}]}', 'it is not a key set: keys.0.n'],
    [
      'holds a broken key',
      JSON.stringify({
        keys: [
          {
            kty: 'RSA',
            n: 'AQAB',
            e: 'AQAB',
            d: 'AQAB',
            p: 'AQAB',
            q: 'AQAB',
            dp: 'AQAB',
            dq: 'AQAB',
            qi: 'AQAB',
            kid: 'k',
            alg: 'RS256',
            use: 'sig',
          },
        ],
      }),
      'key k is not a usable RSA private key',
    ],
  ])('stops with an error naming the key file when it %s', async (_what, content, reason) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fram-idp-keys-'));
    const keyFile = join(dataDir, 'dev-idp-keys.json');
    writeFileSync(keyFile, content);
    const { code, output } = await runNode(devIdpScript(), { DATA_DIR: dataDir, PORT: '0' });
    expect(code).toBe(1);
    expect(output).toContain(`DATA_DIR: dev-idp's signing key file ${keyFile} is unusable (${reason}`);
    expect(output).toContain('remove it to make new keys');
    expect(output).not.toContain('    at '); // no stack trace
    expect(readFileSync(keyFile, 'utf8')).toBe(content); // left as it was
  });

  it('stops with an error naming the key file when it cannot be read', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'fram-idp-keys-'));
    const keyFile = join(dataDir, 'dev-idp-keys.json');
    mkdirSync(keyFile); // reading it fails (EISDIR), even as root
    const { code, output } = await runNode(devIdpScript(), { DATA_DIR: dataDir, PORT: '0' });
    expect(code).toBe(1);
    expect(output).toContain(`DATA_DIR: dev-idp's signing key file ${keyFile} is unusable (it cannot be read: EISDIR)`);
  });
});
