import { generateKeyPairSync, randomUUID, type JsonWebKey } from 'node:crypto';

/** A private RSA signing key as a JWK, as oidc-provider takes it. */
export type PrivateJwk = JsonWebKey & { kid: string; alg: 'RS256'; use: 'sig' };

function newKey(): PrivateJwk {
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { ...privateKey.export({ format: 'jwk' }), kid: randomUUID(), alg: 'RS256', use: 'sig' };
}

/**
 * The signing keys, newest first: the first one signs, all are published.
 * Like Okta, a rotation keeps the previous key published until it is
 * withdrawn, so tokens it signed keep verifying.
 */
export class SigningKeys {
  private keys: PrivateJwk[] = [newKey()];

  get all(): readonly PrivateJwk[] {
    return this.keys;
  }

  get activeKid(): string {
    return this.keys[0]!.kid;
  }

  rotate(options: { withdrawOld?: boolean } = {}): string {
    const key = newKey();
    this.keys = options.withdrawOld ? [key] : [key, this.keys[0]!];
    return key.kid;
  }
}
