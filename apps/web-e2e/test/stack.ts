import { mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
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

/** The viewports the browser tests check: a desktop, and a 375 px phone. */
export const DESKTOP = { width: 1280, height: 900 } as const;
export const PHONE = { width: 375, height: 812 } as const;
export type Viewport = { readonly width: number; readonly height: number };

/**
 * In a describe: starts the stack and Chromium before its tests (beforeAll) and stops them after
 * (afterAll). Returns getters, as both exist only once the tests run.
 */
export function useStack(): { stack: () => Stack; browser: () => Browser } {
  let stack: Stack | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    const [started, launched] = await Promise.allSettled([startStack(), launchChromium()]);
    if (started.status === 'fulfilled') stack = started.value;
    if (launched.status === 'fulfilled') browser = launched.value;
    if (started.status === 'rejected') throw started.reason;
    if (launched.status === 'rejected') throw launched.reason;
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  });
  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started: call useStack() in a describe and use it in tests`);
    return value;
  };
  return { stack: () => started(stack, 'The stack'), browser: () => started(browser, 'Chromium') };
}

/** A fresh browser context at a viewport, on `path` of Fram, signed in as `username` on dev-idp's form on the way. */
export async function openSignedIn(
  browser: Browser,
  stack: Stack,
  username: string,
  path = '/',
  viewport: Viewport = DESKTOP,
): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openPage(browser, viewport);
  await opened.page.goto(`${stack.base}${path}`);
  await signIn(stack, opened.page, username);
  return opened;
}

/** The page's content fits its width: nothing scrolls sideways. */
export async function expectNoHorizontalOverflow(page: Page): Promise<void> {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
}

/** A table of the sample catalog (the fields the tests read; the file has more). */
export interface SampleTable {
  database: string;
  cluster: string;
  schema: string;
  name: string;
  is_view?: boolean;
  tags?: string[];
  badges?: { badge_name: string }[];
  last_updated_timestamp?: number;
  [field: string]: unknown;
}

/** data/sample-catalog.json, typed loosely: the parts the tests read. */
export interface SampleCatalog {
  tables: SampleTable[];
  reads: { table_key: string; read_count: number }[];
  features: { feature_group: string; [field: string]: unknown }[];
  [part: string]: unknown;
}

let sample: SampleCatalog | undefined;

/** The sample catalog the stack loads (read once). */
export function sampleCatalog(): SampleCatalog {
  sample ??= JSON.parse(readFileSync(join(root, 'data', 'sample-catalog.json'), 'utf8')) as SampleCatalog;
  return sample;
}

// axe-core, evaluated in the page through the DevTools protocol (see accessibility.spec.ts for why not a script tag).
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** The page's serious and critical violations, one readable line each. */
export async function seriousViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: Violation[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags } });
    return result.violations.map(({ id, impact, help, nodes }) => ({ id, impact, help, nodes: nodes.map(({ target }) => ({ target })) }));
  }, TAGS);
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} — at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
