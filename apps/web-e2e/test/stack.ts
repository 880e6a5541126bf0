import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { freePort, ingestSampleCatalog, startDevIdp, startNode, workspaceRoot, type DevIdp, type NodeProcess } from '@fram/testing';

const root = workspaceRoot();
const dist = (app: string) => join(root, 'dist', 'apps', app, 'main.js');
const dataDir = (name: string) => mkdtempSync(join(tmpdir(), `fram-e2e-${name}-`));

/** Where the screenshots of a run go (kept as CI artifacts). */
export const SCREENSHOTS = join(root, 'test-artifacts', 'screenshots');

/** The four built services as separate processes on loopback, as `npm start` runs them, with the sample catalog. */
export interface Stack {
  base: string;
  idp: DevIdp;
  services: NodeProcess[];
  stop(): Promise<void>;
}

export async function startStack(): Promise<Stack> {
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const idp = await startDevIdp({}, [base]);
  const common = {
    AUTH_ISSUERS: idp.issuer,
    OIDC_ISSUER: idp.issuer,
    LOG_LEVEL: 'warn',
    ADMIN_GROUPS: 'Fram Admins',
    WRITE_GROUPS: 'Data Engineers,Analysts',
  };
  const search = await startNode(dist('search'), { env: { ...common, DATA_DIR: dataDir('search') } });
  const metadata = await startNode(dist('metadata'), {
    env: { ...common, OKTA_ORG_URL: idp.origin, SEARCH_URL: search.url, SEARCH_SYNC_INTERVAL_MS: '100', DATA_DIR: dataDir('metadata') },
  });
  await ingestSampleCatalog(metadata.url, await idp.clientToken('fram-scripts', 'fram-scripts-dev-secret', 'admin:system read:data'), {
    searchUrl: search.url,
  });
  const frontend = await startNode(dist('frontend'), {
    port,
    env: {
      ...common,
      PUBLIC_URL: base,
      METADATA_URL: metadata.url,
      SEARCH_URL: search.url,
      WEB_ROOT: join(root, 'dist', 'apps', 'web'),
      DATA_DIR: dataDir('frontend'),
    },
  });
  const services = [frontend, metadata, search];
  return {
    base,
    idp,
    services,
    async stop() {
      for (const service of services) await service.stop();
      await idp.stop();
    },
  };
}

/** Debian's Chromium (apt-get install -y chromium; .ci/run installs it), headless. */
export function launchChromium(): Promise<Browser> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A full-page screenshot of `page` as `{name}.png` in SCREENSHOTS. */
export function screenshot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

/** A fresh browser context (no session) at a viewport, and a page in it. */
export async function openPage(
  browser: Browser,
  viewport: { width: number; height: number },
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport });
  context.setDefaultTimeout(15_000);
  return { context, page: await context.newPage() };
}

/** From any Fram page without a session: dev-idp's sign-in form, then back to Fram. */
export async function signIn(stack: Stack, page: Page, username: string): Promise<void> {
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill('fram-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => url.origin === stack.base);
}
