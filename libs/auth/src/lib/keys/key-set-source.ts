import { createPublicKey, type KeyObject } from 'node:crypto';
import { JwksClient } from 'jwks-rsa';

/** A verification key from an issuer's key set, parsed once. */
export interface VerificationKey {
  kid: string;
  /** The `alg` the key set names for this key, when it names one. */
  alg?: string;
  key: KeyObject;
}

/** Where an issuer's current signing keys come from. */
export interface KeySetSource {
  fetchKeys(): Promise<VerificationKey[]>;
}

/**
 * Fetches an issuer's keys over HTTP: the key-set URL from the issuer's
 * discovery document (remembered once found), then the key set through
 * jwks-rsa. Each key is turned into a KeyObject here, once per fetch, so that
 * no request ever parses a PEM.
 */
export class DiscoveredKeySetSource implements KeySetSource {
  private jwks?: JwksClient;

  constructor(
    private readonly issuer: string,
    private readonly timeoutMs: number,
  ) {}

  async fetchKeys(): Promise<VerificationKey[]> {
    const client = this.jwks ?? (await this.discover());
    const signingKeys = await client.getSigningKeys();
    return signingKeys.map((k) => ({
      kid: k.kid,
      alg: typeof k.alg === 'string' && k.alg !== '' ? k.alg : undefined,
      key: createPublicKey(k.getPublicKey()),
    }));
  }

  private async discover(): Promise<JwksClient> {
    const url = `${this.issuer.replace(/\/$/, '')}/.well-known/openid-configuration`;
    const response = await fetch(url, {
      signal: AbortSignal.timeout(this.timeoutMs),
      headers: { accept: 'application/json' },
      redirect: 'error',
    });
    if (!response.ok) throw new Error(`discovery answered ${response.status}`);
    const document = (await response.json()) as { issuer?: unknown; jwks_uri?: unknown };
    if (document.issuer !== this.issuer) {
      throw new Error(`discovery names issuer ${JSON.stringify(document.issuer)}, not ${this.issuer}`);
    }
    if (typeof document.jwks_uri !== 'string' || !/^https?:\/\//.test(document.jwks_uri)) {
      throw new Error('discovery has no usable jwks_uri');
    }
    this.jwks = new JwksClient({
      jwksUri: document.jwks_uri,
      cache: false, // IssuerKeySet caches parsed keys itself
      rateLimit: false, // IssuerKeySet enforces the refetch cool-down itself
      timeout: this.timeoutMs,
    });
    return this.jwks;
  }
}
