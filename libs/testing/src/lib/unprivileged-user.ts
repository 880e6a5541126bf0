import { spawnSync } from 'node:child_process';
import { chownSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Servers that refuse to run as root (PostgreSQL, LemonLDAP::NG's FastCGI
 * server) run as `nobody` when the tests run as root (CI in a container).
 */
export const runningAsRoot = () => process.getuid?.() === 0;

/** `id` of the user nobody (-u, -g: numbers; -gn: the group's name). */
export function nobodyId(flag: '-u' | '-g' | '-gn'): string {
  const result = spawnSync('id', [flag, 'nobody'], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`id ${flag} nobody: ${result.stderr}`);
  return result.stdout.trim();
}

/** Gives `path` and everything under it to nobody. */
export function chownTreeToNobody(path: string): void {
  const uid = Number(nobodyId('-u'));
  const gid = Number(nobodyId('-g'));
  const chown = (entry: string): void => {
    chownSync(entry, uid, gid);
    if (statSync(entry).isDirectory()) for (const child of readdirSync(entry)) chown(join(entry, child));
  };
  chown(path);
}
