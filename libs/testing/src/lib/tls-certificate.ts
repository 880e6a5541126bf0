import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TlsCertificate {
  certFile: string;
  keyFile: string;
  /** base64 SHA-256 of the certificate's public key: what Chromium's --ignore-certificate-errors-spki-list pins. */
  spkiSha256: string;
}

/**
 * A self-signed certificate for `hosts` (names and IP addresses), made by
 * openssl (Debian's package) in a new temporary folder.
 */
export function makeTlsCertificate(hosts: readonly string[] = ['localhost', '127.0.0.1']): TlsCertificate {
  const dir = mkdtempSync(join(tmpdir(), 'fram-tls-'));
  const certFile = join(dir, 'cert.pem');
  const keyFile = join(dir, 'key.pem');
  const altNames = hosts.map((h) => (/^[\d.]+$/.test(h) || h.includes(':') ? `IP:${h}` : `DNS:${h}`)).join(',');
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'rsa:2048',
      '-nodes',
      '-sha256',
      '-days',
      '2',
      '-subj',
      `/CN=${hosts[0]}`,
      '-addext',
      `subjectAltName=${altNames}`,
      '-keyout',
      keyFile,
      '-out',
      certFile,
    ],
    { stdio: 'pipe' },
  );
  const spki = new X509Certificate(readFileSync(certFile)).publicKey.export({ type: 'spki', format: 'der' });
  return { certFile, keyFile, spkiSha256: createHash('sha256').update(spki).digest('base64') };
}
