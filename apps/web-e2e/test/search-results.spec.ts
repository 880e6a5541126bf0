import type { Page } from 'playwright-core';
import {
  DESKTOP,
  expectNoHorizontalOverflow,
  openSignedIn,
  PHONE,
  sampleCatalog,
  screenshot,
  seriousViolations,
  useStack,
  type SampleTable,
} from './stack';

const sample = sampleCatalog();
const keyOf = (t: SampleTable) => `${t.database}://${t.cluster}.${t.schema}/${t.name}`;
const countBy = <T>(items: T[], of: (item: T) => string[]) => {
  const counts = new Map<string, number>();
  for (const item of items) for (const value of of(item)) counts.set(value, (counts.get(value) ?? 0) + 1);
  return counts;
};
/** A facet's checkboxes as "value count" texts, sorted. */
const facetTexts = async (page: Page, legend: string) =>
  (await page.getByRole('group', { name: legend }).locator('li label').allTextContents())
    .map((t) => t.replace(/\s+match(es)?$/, ''))
    .sort();
const expectedTexts = (counts: Map<string, number>) => [...counts].map(([value, n]) => `${value} ${n}`).sort();
const resultsLine = (page: Page) => page.locator('.results-count');

/**
 * The search results page: rows that help choose (badges, tags, usage, last updated, views marked),
 * facets with counts that filter, sorting, and page numbers; the URL holds it all.
 */
describe('search results in Chromium', () => {
  const env = useStack();
  const base = () => env.stack().base;
  const signedIn = async () => {
    const opened = await openSignedIn(env.browser(), env.stack(), 'frances@example.com', '/search?term=&resource=table', DESKTOP);
    await opened.page.locator('.hit').first().waitFor();
    return opened;
  };
  /** Waits for the results count to hold the focus (it takes it after another page of results). */
  const countHasFocus = (page: Page) => page.waitForFunction(() => document.activeElement?.classList.contains('results-count') === true);

  it('shows badges, tags, usage, last updated and a View marker on result rows', async () => {
    const { context, page } = await signedIn();
    const orders = sample.tables.find((t) => t.database === 'hive' && t.schema === 'core' && t.name === 'orders')!;
    const reads = sample.reads.filter((r) => r.table_key === keyOf(orders)).reduce((n, r) => n + r.read_count, 0);
    await page.goto(`${base()}/search?term=orders&resource=table`);
    const row = page.locator('.hit').filter({ has: page.locator('.resource-name', { hasText: /^core\.orders$/ }) });
    await row.waitFor();
    await expect(row.getByRole('list', { name: 'Badges' }).locator('li').allTextContents()).resolves.toEqual(
      (orders.badges ?? []).map((b) => `Badge: ${b.badge_name}`),
    );
    await expect(row.getByRole('list', { name: 'Tags' }).locator('li').allTextContents()).resolves.toEqual(
      [...(orders.tags ?? [])].sort().map((t) => `Tag: ${t}`),
    );
    await expect(row.locator('.hit-usage').textContent()).resolves.toBe(`${reads.toLocaleString('en')} ${reads === 1 ? 'read' : 'reads'}`);
    await expect(row.locator('time').getAttribute('datetime')).resolves.toBe(new Date(orders.last_updated_timestamp! * 1000).toISOString());
    await expect(row.locator('.kind-marker').count()).resolves.toBe(0);

    const view = sample.tables.find((t) => t.is_view)!;
    await page.goto(`${base()}/search?term=${view.name}&resource=table`);
    const viewRow = page
      .locator('.hit')
      .filter({ has: page.locator('.resource-name', { hasText: new RegExp(`^${view.schema}\\.${view.name}$`) }) });
    await expect(viewRow.locator('.kind-marker').textContent()).resolves.toBe('View');

    // ML features get their own tab when the search finds some; each links to its page.
    await page.goto(`${base()}/search?term=churn&resource=table`);
    await page.getByRole('tab', { name: /^ML features \d+/ }).click();
    await page.waitForURL((url) => url.searchParams.get('resource') === 'feature');
    const feature = page.locator('.hit').getByRole('link', { name: 'churn_probability' });
    await expect(feature.getAttribute('href')).resolves.toBe('/feature/customer_risk/churn_probability/3');
    // Features have facets and paging too: every sample feature, counted by group.
    await page.goto(`${base()}/search?term=&resource=feature`);
    await page.getByRole('group', { name: 'Feature group' }).waitFor();
    expect(await facetTexts(page, 'Feature group')).toEqual(expectedTexts(countBy(sample.features, (f) => [f.feature_group])));
    await context.close();
  });

  it('filters with facet checkboxes whose counts match the sample catalog', async () => {
    const { context, page } = await signedIn();
    const byDatabase = countBy(sample.tables, (t) => [t.database]);
    await page.getByRole('group', { name: 'Source' }).waitFor();
    expect(await facetTexts(page, 'Source')).toEqual(expectedTexts(byDatabase));
    expect(await facetTexts(page, 'Schema')).toEqual(expectedTexts(countBy(sample.tables, (t) => [t.schema])));
    expect(await facetTexts(page, 'Badge')).toEqual(
      expectedTexts(countBy(sample.tables, (t) => (t.badges ?? []).map((b) => b.badge_name))),
    );
    // Many tags: a field that suggests them, with their counts.
    const tags = countBy(sample.tables, (t) => t.tags ?? []);
    await expect(page.locator('#facet-tag-values option').count()).resolves.toBe(tags.size);

    await page
      .getByRole('group', { name: 'Source' })
      .getByRole('checkbox', { name: /^hive / })
      .check();
    await page.waitForURL((url) => url.searchParams.get('f.database') === 'hive');
    const hive = sample.tables.filter((t) => t.database === 'hive');
    await resultsLine(page)
      .filter({ hasText: new RegExp(`^${hive.length} results · page 1 of ${Math.ceil(hive.length / 10)}$`) })
      .waitFor();
    await expect(
      page
        .getByRole('group', { name: 'Source' })
        .getByRole('checkbox', { name: /^hive / })
        .isChecked(),
    ).resolves.toBe(true);
    // The checkbox keeps the focus (the same box: checkboxes are keyed by value).
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('facet-database-hive');
    // The other sources keep their counts (to widen the choice); the schemas are those of hive.
    expect(await facetTexts(page, 'Source')).toEqual(expectedTexts(byDatabase));
    expect(await facetTexts(page, 'Schema')).toEqual(expectedTexts(countBy(hive, (t) => [t.schema])));
    for (const source of await page.locator('.hit .resource-source').allTextContents()) expect(source).toBe('hive');

    // A badge too: both filters hold.
    await page
      .getByRole('group', { name: 'Badge' })
      .getByRole('checkbox', { name: /^certified / })
      .check();
    await page.waitForURL((url) => url.searchParams.get('f.badges') === 'certified');
    const certified = hive.filter((t) => (t.badges ?? []).some((b) => b.badge_name === 'certified'));
    await resultsLine(page)
      .filter({ hasText: new RegExp(`^${certified.length} results? · page 1 of 1$`) })
      .waitFor();

    // A tag from the suggestions field.
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.waitForURL((url) => ![...url.searchParams.keys()].some((k) => k.startsWith('f.')));
    // Clear filters is disabled now: the focus goes to the top of the results rather than to the page's body.
    await countHasFocus(page);
    const [tag, tagged] = [...tags].sort((a, b) => b[1] - a[1])[0];
    await page.getByLabel(/^Add a tag/).fill(tag);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('f.tag') === tag);
    await resultsLine(page)
      .filter({ hasText: new RegExp(`^${tagged} results · page 1 of`) })
      .waitFor();
    await page.getByRole('button', { name: `Remove tag ${tag}` }).waitFor();
    await context.close();
  });

  it('keeps a filtered facet as checkboxes when its number of values changes, the focus on the box; shows unfilterable values as text', async () => {
    const { context, page } = await signedIn();
    // Search's answer stubbed: the Schema facet has 8 values (checkboxes), then 12 once filtered (as if its counts changed).
    const values = (n: number) => Array.from({ length: n }, (_, i) => ({ value: `schema_${i}`, count: 20 - i }));
    await page.route('**/api/search/v1/search', async (route) => {
      const filters = (route.request().postDataJSON() as { filters: { table?: Record<string, unknown> } }).filters.table ?? {};
      const facets = {
        database: [
          { value: 'a,b', count: 2 },
          { value: 'hive', count: 1 },
        ],
        schema: values('schema' in filters ? 12 : 8),
        tag: [],
        badges: [],
      };
      await route.fulfill({ json: { search_term: '', table: { page_index: 0, results: [], total_results: 0, facets } } });
    });
    await page.goto(`${base()}/search?term=&resource=table`);
    const schema = page.getByRole('group', { name: 'Schema' });
    await schema.getByRole('checkbox').first().waitFor();
    await expect(schema.getByRole('checkbox').count()).resolves.toBe(8);
    // A value a filter cannot hold (a comma list): text, not a checkbox.
    const source = page.getByRole('group', { name: 'Source' });
    await expect(source.getByRole('checkbox').count()).resolves.toBe(1);
    await expect(source.locator('li').first().textContent()).resolves.toMatch(/^a,b 2/);

    await schema.getByRole('checkbox', { name: /^schema_3 / }).check();
    await page.waitForURL((url) => url.searchParams.get('f.schema') === 'schema_3');
    await schema.getByRole('checkbox', { name: /^schema_11 / }).waitFor();
    await expect(schema.getByRole('checkbox').count()).resolves.toBe(12);
    await expect(schema.getByRole('combobox').count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.id)).resolves.toBe('facet-schema-schema_3');
    await context.close();
  });

  it('sorts by name from A to Z, and numbers the pages', async () => {
    const { context, page } = await signedIn();
    await page.getByLabel('Sort by').selectOption('name');
    await page.waitForURL((url) => url.searchParams.get('sort') === 'name');
    const byName = sample.tables.map((t) => t.name.toLowerCase()).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const namesOnPage = async () =>
      (await page.locator('.hit .resource-name').allTextContents()).map((n) => n.slice(n.indexOf('.') + 1).toLowerCase());
    /** Waits for a page of results that starts with the `index`th name, then checks the page's names. */
    const expectNamesFrom = async (index: number) => {
      await page
        .locator('.hit .resource-name')
        .first()
        .filter({ hasText: new RegExp(`\\.${byName[index]}$`) })
        .waitFor();
      expect(await namesOnPage()).toEqual(byName.slice(index, index + 10));
    };
    await expectNamesFrom(0);

    const pages = Math.ceil(sample.tables.length / 10);
    const pager = page.getByRole('navigation', { name: 'Pages' });
    await expect(pager.locator('[aria-current="page"]').textContent()).resolves.toBe('Page 1');
    await expect(pager.getByRole('link', { name: `Page ${pages}`, exact: true }).count()).resolves.toBe(1);
    await pager.getByRole('link', { name: 'Page 2', exact: true }).click();
    await page.waitForURL((url) => url.searchParams.get('page') === '1' && url.searchParams.get('sort') === 'name');
    await expect(pager.locator('[aria-current="page"]').textContent()).resolves.toBe('Page 2');
    // Another page starts at the top of the results: the count has the focus, not the pager at the bottom.
    await countHasFocus(page);
    await expectNamesFrom(10);
    await pager.getByRole('link', { name: 'Next →' }).click();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await expect(pager.locator('[aria-current="page"]').textContent()).resolves.toBe('Page 3');
    await pager.getByRole('link', { name: '← Previous' }).click();
    await page.waitForURL((url) => url.searchParams.get('page') === '1');
    await page.goBack();
    await page.waitForURL((url) => url.searchParams.get('page') === '2');
    await expect(page.getByLabel('Sort by').inputValue()).resolves.toBe('name');

    // Next from the keyboard on the second-to-last page: the last page, the focus at the top of the results,
    // and Next there marked disabled in its place (a link without href).
    await page.goto(`${base()}/search?term=&resource=table&sort=name&page=${pages - 2}`);
    await pager.locator('[aria-current="page"]', { hasText: `Page ${pages - 1}` }).waitFor();
    await pager.getByRole('link', { name: 'Next →' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.searchParams.get('page') === String(pages - 1));
    await countHasFocus(page);
    const next = pager.locator('.pager-step', { hasText: 'Next →' });
    await expect(next.getAttribute('aria-disabled')).resolves.toBe('true');
    await expect(next.getAttribute('href')).resolves.toBeNull();
    await expect(pager.locator('.pager-step').evaluateAll((steps) => steps.map((s) => s.tagName))).resolves.toEqual(['A', 'A']);
    await context.close();
  });

  it('is accessible and fits a phone', async () => {
    const { context, page } = await signedIn();
    await page.goto(`${base()}/search?term=orders&resource=table`);
    await page.getByRole('group', { name: 'Source' }).waitFor();
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'search-desktop');
    await page.setViewportSize(PHONE);
    await page.goto(`${base()}/search?term=&resource=table&page=2`);
    await page.getByRole('group', { name: 'Source' }).waitFor();
    await expectNoHorizontalOverflow(page);
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'search-375');
    await context.close();
  });
});
