import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamicModule, INestApplication, Type } from '@nestjs/common';
import { startTestApp, withEnv, type RunningApp } from './test-app';

export interface RouteAccess {
  /** "GET /healthcheck" */
  route: string;
  status: number;
  /** A page that sends a browser without a sign-in to /login: protected, like a 401. */
  redirectsToSignIn: boolean;
}

interface ExpressLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/** Every route the app serves, as "METHOD /path", read from the Express router. */
export function listRoutes(app: INestApplication): string[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: ExpressLayer[] } };
  const routes = new Set<string>();
  for (const layer of express.router.stack) {
    if (!layer.route) continue;
    const paths = Array.isArray(layer.route.path) ? layer.route.path : [layer.route.path];
    for (const method of Object.keys(layer.route.methods)) {
      if (method === '_all') continue;
      for (const path of paths) routes.add(`${method.toUpperCase()} ${path}`);
    }
  }
  return [...routes].sort();
}

/**
 * Calls every route without a token (path parameters filled with "x") and
 * reports the status each one answered. A protected route answers 401 (or,
 * for a web page, redirects to /login).
 */
export async function probeRoutesWithoutToken(app: INestApplication, baseUrl: string): Promise<RouteAccess[]> {
  const results: RouteAccess[] = [];
  for (const route of listRoutes(app)) {
    const [method, path] = route.split(' ') as [string, string];
    const concrete = path.replace(/\*\w*/g, 'x/y').replace(/:\w+/g, 'x').replace(/[{}]/g, '');
    const response = await fetch(baseUrl + concrete, {
      method,
      headers: method === 'GET' || method === 'HEAD' ? {} : { 'content-type': 'application/json' },
      body: method === 'GET' || method === 'HEAD' ? undefined : '{}',
      redirect: 'manual',
    });
    await response.arrayBuffer();
    const redirectsToSignIn = response.status === 302 && (response.headers.get('location') ?? '').startsWith('/login?');
    results.push({ route, status: response.status, redirectsToSignIn });
  }
  return results;
}

/**
 * Declares the Jest test that pins an app's public routes: every route is
 * called without a token, and exactly `publicRoutes` may answer anything but 401
 * (or a redirect to sign-in).
 */
export function describePublicRoutes(
  appName: string,
  module: Type<unknown> | DynamicModule,
  publicRoutes: readonly string[],
  beforeListen?: (app: INestApplication) => void,
): void {
  describe(`${appName}: public routes`, () => {
    let server: RunningApp | undefined;
    beforeAll(async () => {
      // A trusted issuer nobody listens on (no route below may need it), and a fresh data folder.
      const env = { AUTH_ISSUERS: 'http://127.0.0.1:9/oauth2/default', DATA_DIR: mkdtempSync(join(tmpdir(), `fram-${appName}-`)) };
      server = await withEnv(env, () => startTestApp(module, { service: appName, beforeListen }));
    });
    afterAll(() => server?.close());

    it('serves only the listed routes without a token and answers 401 on every other', async () => {
      const results = await probeRoutesWithoutToken(server!.app, server!.url);
      expect(results.length).toBeGreaterThan(publicRoutes.length);
      expect(results.filter((r) => r.status !== 401 && !r.redirectsToSignIn).map((r) => r.route)).toEqual([...publicRoutes].sort());
    });
  });
}

/** The routes of the OpenAPI docs every service serves without a token (libs/service's setUpApiDocs). */
export const API_DOCS_ROUTES: readonly string[] = [
  'GET /docs',
  'GET /docs/',
  'GET /docs/LICENSE',
  'GET /docs/docs/swagger-ui-init.js',
  'GET /docs/index.html',
  'GET /docs/openapi.json',
  'GET /docs/openapi.yaml',
  'GET /docs/swagger-ui-init.js',
];
