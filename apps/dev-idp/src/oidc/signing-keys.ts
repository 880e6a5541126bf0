import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomUUID, sign, verify, type JsonWebKey } from 'node:crypto';
import { dirname } from 'node:path';
import { z } from 'zod';
import { ConfigError } from '@fram/config';

/** A private RSA signing key as a JWK, as oidc-provider takes it. */
export type PrivateJwk = JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' };

function newKey(): PrivateJwk {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

const member = z.string().min(1);
const keyFileSchema = z.object({
  keys: z
    .array(
      z.looseObject({
        kty: z.literal('RSA'),
        n: member,
        e: member,
        d: member,
        p: member,
        q: member,
        dp: member,
        dq: member,
        qi: member,
        kid: member,
        alg: z.literal('RS256'),
        use: z.literal('sig'),
      }),
    )
    .min(1, 'holds no keys'),
});

/**
 * The signing keys, newest first: the first one signs, all are published.
 * Like Okta, a rotation keeps the previous key published until it is
 * withdrawn, so tokens it signed keep verifying.
 *
 * With a key file (`$DATA_DIR/dev-idp-keys.json`) the keys outlive a restart,
 * so tokens and sessions from before it stay valid; without one they are new
 * at every start.
 */
export class SigningKeys {
  private constructor(
    private keys: PrivateJwk[],
    private readonly file: string | undefined,
  ) {}

  /** New keys, kept in memory only. */
  static inMemory(): SigningKeys {
    return new SigningKeys([newKey()], undefined);
  }

  /**
   * The keys kept in `file`; new ones, written there, when it does not exist
   * yet. A file that cannot be read or is not a key set stops the start with
   * a ConfigError naming it: making new keys silently would sign out everyone.
   */
  static keptIn(file: string): SigningKeys {
    const kept = readKeyFile(file);
    if (kept) return new SigningKeys(kept, file);
    const keys = [newKey()];
    try {
      writeKeyFile(file, keys, 'create');
      return new SigningKeys(keys, file);
    } catch (error) {
      // Another dev-idp on the same DATA_DIR made them first: use those.
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return new SigningKeys(readKeyFile(file) ?? keys, file);
      throw new ConfigError([
        `DATA_DIR: dev-idp cannot write its signing keys to ${file} (${reasonOf(error)}). Make DATA_DIR writable, or unset it to keep the keys in memory.`,
      ]);
    }
  }

  get all(): readonly PrivateJwk[] {
    return this.keys;
  }

  get activeKid(): string {
    return this.keys[0].kid;
  }

  rotate(options: { withdrawOld?: boolean } = {}): string {
    const key = newKey();
    const keys = options.withdrawOld ? [key] : [key, this.keys[0]];
    if (this.file) writeKeyFile(this.file, keys, 'replace');
    this.keys = keys;
    return key.kid;
  }
}

/** The keys in the file; undefined when there is no file. */
function readKeyFile(file: string): PrivateJwk[] | undefined {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw unusable(file, `it cannot be read: ${reasonOf(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw unusable(file, 'it is not JSON');
  }
  const result = keyFileSchema.safeParse(parsed);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw unusable(file, `it is not a key set: ${issue.path.length > 0 ? `${issue.path.join('.')}: ` : ''}${issue.message}`);
  }
  const keys = result.data.keys as unknown as PrivateJwk[];
  for (const key of keys) {
    if (!signsAndVerifies(key)) throw unusable(file, `key ${key.kid} is not a usable RSA private key`);
  }
  return keys;
}

/** Whether the key makes a signature its own public part verifies (a JWK with inconsistent members imports fine). */
function signsAndVerifies(key: PrivateJwk): boolean {
  try {
    const privateKey = createPrivateKey({ key, format: 'jwk' });
    const probe = Buffer.from('dev-idp key check');
    return verify('sha256', probe, createPublicKey(privateKey), sign('sha256', probe, privateKey));
  } catch {
    return false;
  }
}

function unusable(file: string, why: string): ConfigError {
  return new ConfigError([
    `DATA_DIR: dev-idp's signing key file ${file} is unusable (${why}). ` +
      'Restore it, or remove it to make new keys (people signed in before must then sign in again).',
  ]);
}

/**
 * Writes the keys readable by the owner only (0600), atomically: a temporary
 * file, flushed to disk, then linked (`create`: fails with EEXIST if the file
 * appeared meanwhile) or renamed (`replace`) into place.
 */
function writeKeyFile(file: string, keys: readonly PrivateJwk[], mode: 'create' | 'replace'): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.${randomUUID()}.tmp`;
  try {
    const fd = openSync(temporary, 'wx', 0o600);
    try {
      writeSync(fd, `${JSON.stringify({ keys }, null, 2)}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (mode === 'create') linkSync(temporary, file);
    else renameSync(temporary, file);
  } finally {
    rmSync(temporary, { force: true });
  }
}

const reasonOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : String(error));
