import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { workspaceRoot } from './node-process';

/** One `sh` block of docs/other-providers.md: the provider section it is in and the variables it sets. */
export interface ProviderDocBlock {
  provider: string;
  env: Record<string, string>;
}

/** `NAME=value`, `NAME="value"` or `NAME='value'`, then an optional `# comment`. */
const ASSIGNMENT = /^([A-Z][A-Z0-9_]*)=("[^"]*"|'[^']*'|[^\s#]*)\s*(#.*)?$/;

/**
 * Every `sh` block of docs/other-providers.md with the `## ` section it is
 * in. A line of a block is an assignment, a comment or blank; anything else
 * fails, so the doc cannot show a setting the tests do not read.
 */
export function providerDocBlocks(path = join(workspaceRoot(), 'docs', 'other-providers.md')): ProviderDocBlock[] {
  const blocks: ProviderDocBlock[] = [];
  let provider = '';
  let block: Record<string, string> | undefined;
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (block === undefined) {
      if (line.startsWith('## ')) provider = line.slice(3).trim();
      else if (line.trim() === '```sh') block = {};
      continue;
    }
    if (line.trim() === '```') {
      blocks.push({ provider, env: block });
      block = undefined;
      continue;
    }
    const text = line.trim();
    if (text === '' || text.startsWith('#')) continue;
    const match = ASSIGNMENT.exec(text);
    if (!match) throw new Error(`docs/other-providers.md (${provider}): not a variable assignment: ${text}`);
    block[match[1]] = match[2].replace(/^["']|["']$/g, '');
  }
  return blocks;
}

/** An environment that records the names read from it. */
export function recordingEnv(env: Record<string, string | undefined>): { env: Record<string, string | undefined>; read: Set<string> } {
  const read = new Set<string>();
  const proxy = new Proxy(env, {
    get(target, name, receiver) {
      if (typeof name === 'string') read.add(name);
      return Reflect.get(target, name, receiver) as unknown;
    },
  });
  return { env: proxy, read };
}

/**
 * Every variable docs/other-providers.md names in its prose, in backticks
 * (`OIDC_RESOURCE`, `USER_DIRECTORY=none`): upper-case names with an underscore.
 */
export function providerDocVariables(path = join(workspaceRoot(), 'docs', 'other-providers.md')): string[] {
  const names = [...readFileSync(path, 'utf8').matchAll(/`([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)(?:=[^`]*)?`/g)].map((match) => match[1]);
  return [...new Set(names)].sort();
}
