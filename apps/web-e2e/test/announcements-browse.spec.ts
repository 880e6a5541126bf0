import type { Page } from 'playwright-core';
import { DESKTOP, expectNoHorizontalOverflow, openSignedIn, PHONE, sampleCatalog, screenshot, seriousViolations, useStack } from './stack';

const sample = sampleCatalog();

/** How many sample tables each source has, and each of its schemas. */
function sampleCounts(): Map<string, Map<string, number>> {
  const sources = new Map<string, Map<string, number>>();
  for (const t of sample.tables) {
    const schemas = sources.get(t.database) ?? new Map<string, number>();
    schemas.set(t.schema, (schemas.get(t.schema) ?? 0) + 1);
    sources.set(t.database, schemas);
  }
  return sources;
}
const tables = (n: number) => `${n} ${n === 1 ? 'table' : 'tables'}`;
const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);

/** A POST to the announcements route from the page, with its session and CSRF token: only the status. */
const postFromPage = (page: Page) =>
  page.evaluate(async () => {
    const csrf = document.querySelector<HTMLMetaElement>('meta[name="csrf-token"]')?.content ?? '';
    const response = await fetch('/api/announcements/v0/', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrf },
      body: JSON.stringify({ title: 'Sneaky', html_content: '<p>Not allowed</p>' }),
    });
    return response.status;
  });

/**
 * Home page announcements (admins post them in Markdown and delete them; everyone reads them,
 * rendered and sanitised) and the Browse page (every table by source and schema, with counts).
 */
describe('announcements and the Browse page in Chromium', () => {
  const env = useStack();
  const signedIn = (username: string) => openSignedIn(env.browser(), env.stack(), username, '/', DESKTOP);

  it('lets an admin post an announcement in Markdown that everyone reads, rendered and harmless; readers may not post; the admin deletes it', async () => {
    const admin = await signedIn('ada@example.com');
    await admin.page.getByRole('heading', { name: 'Announcements' }).waitFor();
    await admin.page.getByRole('button', { name: 'New announcement' }).click();
    await admin.page.getByLabel('Title').fill('Maintenance window');
    const text = [
      'Fram is read-only on **Sunday**. See [the status page](https://status.example.com/fram).',
      '',
      '- search keeps working',
      '- edits wait until Monday',
      '',
      '<script>window.__pwned = 1</script> <img src=x onerror="window.__pwned = 2">',
    ].join('\n');
    await admin.page.getByLabel('Text', { exact: true }).fill(text);
    await admin.page.getByRole('button', { name: 'Preview' }).click();
    await admin.page.getByTestId('announcement-preview').getByRole('link', { name: 'the status page' }).waitFor();
    await admin.page.getByRole('button', { name: 'Post announcement' }).click();
    const post = admin.page.locator('.announcement').filter({ hasText: 'Maintenance window' });
    await post.getByRole('link', { name: 'the status page' }).waitFor();

    // A reader sees it rendered: a real link, a list; the script and the handler are text, never run.
    const reader = await signedIn('frances@example.com');
    const seen = reader.page.locator('.announcement').filter({ hasText: 'Maintenance window' });
    const link = seen.getByRole('link', { name: 'the status page' });
    await link.waitFor();
    await expect(link.getAttribute('href')).resolves.toBe('https://status.example.com/fram');
    await expect(seen.locator('li').allTextContents()).resolves.toEqual(['search keeps working', 'edits wait until Monday']);
    await expect(seen.locator('strong').textContent()).resolves.toBe('Sunday');
    await expect(seen.locator('script, img, [onerror]').count()).resolves.toBe(0);
    await expect(reader.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();
    await expect(admin.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).resolves.toBeUndefined();

    // Readers get no form and no delete buttons, and the API refuses their post.
    await reader.page.getByRole('heading', { name: 'Popular tables' }).waitFor();
    await expect(reader.page.getByRole('button', { name: 'New announcement' }).count()).resolves.toBe(0);
    await expect(seen.getByRole('button').count()).resolves.toBe(0);
    await expect(postFromPage(reader.page)).resolves.toBe(403);

    // Accessible, and no sideways scrolling on a phone, with the announcement showing.
    await admin.page.reload();
    await post.waitFor();
    await admin.page.getByRole('heading', { name: 'Popular tables' }).waitFor();
    expect(await seriousViolations(admin.page)).toEqual([]);
    await screenshot(admin.page, 'home-announcements-desktop');
    expect(await seriousViolations(reader.page)).toEqual([]);
    await reader.page.setViewportSize(PHONE);
    await seen.waitFor();
    await expectNoHorizontalOverflow(reader.page);
    expect(await seriousViolations(reader.page)).toEqual([]);

    // The admin deletes it (asked once more); nobody sees it any more.
    await post.getByRole('button', { name: 'Delete announcement: Maintenance window' }).click();
    await post.getByRole('button', { name: 'Delete “Maintenance window”' }).click();
    await admin.page.locator('.announcement').filter({ hasText: 'Maintenance window' }).waitFor({ state: 'detached' });
    await reader.page.reload();
    await reader.page.getByRole('heading', { name: 'Popular tables' }).waitFor();
    await expect(reader.page.getByText('Maintenance window').count()).resolves.toBe(0);
    await admin.context.close();
    await reader.context.close();
  });

  it('says when only the 50 largest sources or schemas are shown, and shows names a filter cannot hold as text', async () => {
    const { context, page } = await signedIn('frances@example.com');
    // Search answers at most 50 values a facet: here, for a catalog larger than the sample one (search's answer stubbed).
    const databases = [
      { value: 'a,b', count: 90 },
      { value: 'events_*', count: 80 },
      ...Array.from({ length: 48 }, (_, i) => ({ value: `source_${i}`, count: 60 - i })),
    ];
    const schemas = [{ value: 'x,y', count: 3 }, ...Array.from({ length: 49 }, (_, i) => ({ value: `schema_${i}`, count: 2 }))];
    await page.route('**/api/search/v1/search', async (route) => {
      const field = (route.request().postDataJSON() as { facets: { table: string[] } }).facets.table[0];
      const values = field === 'database' ? databases : schemas;
      await route.fulfill({
        json: { search_term: '', table: { page_index: 0, results: [], total_results: 9000, facets: { [field]: values } } },
      });
    });
    await page.goto(`${env.stack().base}/browse`);
    const sourcesNote = page.locator('.browse-largest').filter({ hasText: 'The 50 largest sources are shown' });
    await sourcesNote.waitFor();
    await expect(sourcesNote.getByRole('link').getAttribute('href')).resolves.toBe('/search?term=&resource=table');
    // A source whose name a filter cannot hold: its name as text, and no schemas (they could not be counted).
    for (const name of ['a,b', 'events_*']) {
      const source = page
        .locator('.browse-source')
        .filter({ has: page.getByRole('heading', { name: new RegExp(`^${name.replace('*', '\\*')} `) }) });
      await expect(source.getByRole('link').count()).resolves.toBe(0);
      await expect(source.textContent()).resolves.toContain('its schemas cannot be listed here');
    }
    // Another source: a link; its 50 schemas said to be the largest; a schema with a comma as text.
    const source = page.getByRole('region', { name: /^source_0 / });
    await expect(source.getByRole('heading', { level: 2 }).getByRole('link').getAttribute('href')).resolves.toBe(
      '/search?term=&resource=table&f.database=source_0',
    );
    const list = source.getByRole('list', { name: 'Schemas of source_0' });
    await expect(list.getByRole('link').count()).resolves.toBe(49);
    await expect(list.locator('li').first().textContent()).resolves.toBe('x,y 3 tables');
    await expect(list.locator('li').first().getByRole('link').count()).resolves.toBe(0);
    await expect(source.locator('.browse-largest').textContent()).resolves.toBe(
      'The 50 largest schemas are shown; search the tables of source_0 for the others.',
    );
    await context.close();
  });

  it('browses every sample source and schema with the right counts, and a schema leads to its tables', async () => {
    const { context, page } = await signedIn('frances@example.com');
    // From the header's Browse link.
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Browse' }).click();
    await page.waitForURL(/\/browse$/);
    await page.getByRole('heading', { name: 'Browse the catalog', level: 1 }).waitFor();
    const expected = sampleCounts();
    await page.locator('.browse-source').first().waitFor();
    await expect(page.locator('.browse-source').count()).resolves.toBe(expected.size);
    await page.getByText(`${tables(sample.tables.length)} in ${expected.size} sources, by schema.`).waitFor();
    for (const [database, schemas] of expected) {
      const section = page.getByRole('region', { name: new RegExp(`^${database} `) });
      await expect(section.getByRole('heading', { level: 2 }).textContent()).resolves.toBe(`${database} ${tables(sum(schemas))}`);
      const rows = await section.locator('.browse-schemas li').allTextContents();
      expect(rows.sort()).toEqual([...schemas].map(([schema, n]) => `${schema} ${tables(n)}`).sort());
    }
    await expect(page.getByRole('link', { name: 'Browse' }).getAttribute('aria-current')).resolves.toBe('page');
    // Fewer than 50 sources and schemas each: every one is listed, so no "largest are shown" note.
    await expect(page.locator('.browse-largest').count()).resolves.toBe(0);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'browse-desktop');

    // A schema's link: the search results filtered to that source and schema.
    const [database, schemas] = [...expected][0];
    const [schema, count] = [...schemas][0];
    await page
      .getByRole('list', { name: `Schemas of ${database}` })
      .getByRole('link', { name: schema, exact: true })
      .click();
    await page.waitForURL(
      (url) => url.pathname === '/search' && url.searchParams.get('f.database') === database && url.searchParams.get('f.schema') === schema,
    );
    await page.getByText(new RegExp(`^${count} results? · page 1 of`)).waitFor();
    const names = await page.locator('.hit .resource-name').allTextContents();
    expect(names.length).toBe(Math.min(count, 10));
    for (const name of names) expect(name.startsWith(`${schema}.`)).toBe(true);
    await expect(page.locator('.hit .resource-source').allTextContents()).resolves.toEqual(names.map(() => database));

    // On a phone.
    await page.goto(`${env.stack().base}/browse`);
    await page.setViewportSize(PHONE);
    await page.locator('.browse-source').first().waitFor();
    await expectNoHorizontalOverflow(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'browse-375');

    // And from the home page.
    await page.goto(`${env.stack().base}/`);
    await page.getByRole('link', { name: 'Browse every table by source and schema' }).click();
    await page.waitForURL(/\/browse$/);
    await context.close();
  });
});
