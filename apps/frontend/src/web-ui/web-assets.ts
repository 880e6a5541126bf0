import { Injectable, Logger } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { env, EnvReader } from '@fram/config';

/** Types of the files the web UI's build writes. */
const TYPES: Readonly<Record<string, string>> = { '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8', '.svg': 'image/svg+xml', '.map': 'application/json' };

/** The built web UI (apps/web): WEB_ROOT, else dist/apps/web next to this build or under the working directory. */
function findWebRoot(): string | undefined {
  const reader = new EnvReader(process.env);
  const configured = reader.read({ name: 'WEB_ROOT', schema: env.text('') });
  reader.done();
  const candidates = configured ? [resolve(configured)] : [resolve(__dirname, '..', 'web'), resolve(process.cwd(), 'dist', 'apps', 'web')];
  return candidates.find((dir) => existsSync(join(dir, 'index.html')));
}

/**
 * The web UI's files, read once at start: the page shell (index.html, into
 * which each page view puts the session's CSRF token) and its static assets.
 */
@Injectable()
export class WebAssets {
  private readonly logger = new Logger('WebAssets');
  private readonly shell: string;
  private readonly assets = new Map<string, { type: string; body: Buffer }>();

  constructor() {
    const root = findWebRoot();
    if (!root) {
      this.logger.warn('The web UI is not built (no index.html under WEB_ROOT or dist/apps/web): run `npx nx build web`. The API works without it.');
      this.shell = '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fram</title><!--fram:head--></head><body><p>The web UI is not built: run <code>npx nx build web</code>.</p></body></html>';
      return;
    }
    this.shell = readFileSync(join(root, 'index.html'), 'utf8');
    const staticDir = join(root, 'static');
    for (const name of existsSync(staticDir) ? readdirSync(staticDir) : []) {
      const type = TYPES[name.slice(name.lastIndexOf('.'))];
      if (type) this.assets.set(name, { type, body: readFileSync(join(staticDir, name)) });
    }
  }

  /** The page shell with the session's CSRF token in a meta tag. */
  page(csrfToken: string): string {
    return this.shell.replace('<!--fram:head-->', `<meta name="csrf-token" content="${csrfToken}">`);
  }

  asset(name: string): { type: string; body: Buffer } | undefined {
    return this.assets.get(name);
  }
}
