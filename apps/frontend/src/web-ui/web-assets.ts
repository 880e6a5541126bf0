import { Inject, Injectable, Logger } from '@nestjs/common';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { env, EnvReader, type Env } from '@fram/config';
import type { FrontendConfig } from '../config/frontend-config';
import { FRONTEND_CONFIG } from '../config/frontend-config.token';

/** Types of the files the web UI's build writes. */
const TYPES: Readonly<Record<string, string>> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.map': 'application/json',
};

/** The media types of the web UI's static files. */
export const ASSET_TYPES: readonly string[] = [...new Set(Object.values(TYPES))];

/** Where the built web UI is, and whether to read it again when the build changes it. */
export interface WebUiConfig {
  /** The directory holding index.html; none when the web UI is not built. */
  root: string | undefined;
  /** Outside production (NODE_ENV): the files are read again when index.html changed (nx serve web). */
  reloadOnChange: boolean;
}

/** The built web UI (apps/web): WEB_ROOT, else dist/apps/web next to this build or under the working directory. */
export function loadWebUiConfig(source: Env = process.env): WebUiConfig {
  const reader = new EnvReader(source);
  const configured = reader.read({ name: 'WEB_ROOT', schema: env.text('') });
  reader.done();
  const candidates = configured ? [resolve(configured)] : [resolve(__dirname, '..', 'web'), resolve(process.cwd(), 'dist', 'apps', 'web')];
  return { root: candidates.find((dir) => existsSync(join(dir, 'index.html'))), reloadOnChange: source['NODE_ENV'] !== 'production' };
}

const NOT_BUILT =
  '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fram</title><!--fram:head--></head><body><p>The web UI is not built: run <code>npx nx build web</code>.</p></body></html>';

/**
 * The web UI's files, held in memory: the page shell (index.html, into which
 * each page view puts the session's CSRF token) and its static assets. Read
 * at start; in development read again when the build changed them (nx serve web).
 */
@Injectable()
export class WebAssets {
  private readonly logger = new Logger('WebAssets');
  private readonly root: string | undefined;
  private readonly reloadOnChange: boolean;
  private shell = NOT_BUILT;
  private assets = new Map<string, { type: string; body: Buffer }>();
  private loadedAt = 0;

  constructor(@Inject(FRONTEND_CONFIG) config: FrontendConfig) {
    this.root = config.web.root;
    this.reloadOnChange = config.web.reloadOnChange;
    if (!this.root)
      this.logger.warn(
        'The web UI is not built (no index.html under WEB_ROOT or dist/apps/web): run `npx nx build web`. The API works without it.',
      );
    this.load();
  }

  /** The page shell with the session's CSRF token in a meta tag. */
  page(csrfToken: string): string {
    if (this.reloadOnChange) this.load();
    return this.shell.replace('<!--fram:head-->', `<meta name="csrf-token" content="${csrfToken}">`);
  }

  asset(name: string): { type: string; body: Buffer } | undefined {
    return this.assets.get(name);
  }

  /** Reads the files, unless index.html is unchanged since the last read. */
  private load(): void {
    if (!this.root) return;
    const changedAt = statSync(join(this.root, 'index.html'), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (changedAt === this.loadedAt) return;
    const staticDir = join(this.root, 'static');
    const assets = new Map<string, { type: string; body: Buffer }>();
    for (const name of existsSync(staticDir) ? readdirSync(staticDir) : []) {
      const type = TYPES[name.slice(name.lastIndexOf('.'))];
      if (type) assets.set(name, { type, body: readFileSync(join(staticDir, name)) });
    }
    this.shell = readFileSync(join(this.root, 'index.html'), 'utf8');
    this.assets = assets;
    this.loadedAt = changedAt;
  }
}
