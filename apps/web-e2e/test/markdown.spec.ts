import type { Page } from 'playwright-core';
import { openSignedIn, screenshot, useStack } from './stack';

/**
 * Descriptions in Markdown: an editor writes one with paragraphs, a list, a link and
 * script payloads, previews it from the keyboard and saves it; the table page shows the
 * structure and a working link, runs nothing, and search shows the text without markup.
 */
describe('Markdown descriptions in Chromium', () => {
  const { stack, browser } = useStack();

  const pwned = (page: Page) => page.evaluate(() => (window as { pwned?: unknown }).pwned);

  const DESCRIPTION = [
    'One row per **customer order**, kept for quarterly reconciliation.',
    '',
    'Amounts in euros. <script>window.pwned = "script"</script><img src=x onerror="window.pwned = \'img\'"> [bad](javascript:window.pwned=1)',
    '',
    '- refunds are negative amounts',
    '- see [the runbook](https://example.com/runbook)',
  ].join('\n');

  /** The rendered description: two paragraphs, a two-item list, one safe link, no element from the payloads. */
  async function expectRendered(page: Page, description: ReturnType<Page['getByTestId']>) {
    await expect(description.locator('p').count()).resolves.toBe(2);
    await expect(description.locator('ul > li').allTextContents()).resolves.toEqual(['refunds are negative amounts', 'see the runbook']);
    const links = description.getByRole('link');
    await expect(links.count()).resolves.toBe(1); // not the javascript: one
    await expect(links.getAttribute('href')).resolves.toBe('https://example.com/runbook');
    await expect(links.getAttribute('target')).resolves.toBe('_blank'); // as Fram's other external links
    await expect(links.getAttribute('rel')).resolves.toBe('noopener noreferrer');
    await expect(description.locator('strong').textContent()).resolves.toBe('customer order');
    await expect(description.locator('script, img').count()).resolves.toBe(0);
    await expect(description.locator('p').nth(1).textContent()).resolves.toContain('<script>window.pwned = "script"</script><img src=x');
    await expect(pwned(page)).resolves.toBeUndefined();
  }

  it('previews, saves and shows a Markdown description safely, and searches its text', async () => {
    const { context, page } = await openSignedIn(browser(), stack(), 'ada@example.com', '/table_detail/gold/hive/core/orders');
    await page.getByRole('heading', { name: 'core.orders', level: 1 }).waitFor();

    await page.getByRole('button', { name: 'Edit description of the table', exact: true }).click();
    const editor = page.getByLabel('Description of the table');
    await editor.fill(DESCRIPTION);
    await expect(page.getByRole('button', { name: 'Write', pressed: true }).count()).resolves.toBe(1);

    // Preview from the keyboard: the toggle sits just before the text area.
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Preview', pressed: true }).waitFor();
    await expect(editor.isHidden()).resolves.toBe(true);
    await expectRendered(page, page.getByTestId('description-preview'));
    await screenshot(page, '08-markdown-preview');

    // Back to writing, then save.
    await page.getByRole('button', { name: 'Write' }).click();
    await expect(editor.inputValue()).resolves.toBe(DESCRIPTION);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('button', { name: 'Edit description of the table', exact: true }).waitFor();
    await expectRendered(page, page.getByTestId('description'));

    // Saved, not just shown: the same after a reload.
    await page.reload();
    await page.getByTestId('description').getByRole('link', { name: 'the runbook' }).waitFor();
    await expectRendered(page, page.getByTestId('description'));
    await screenshot(page, '09-markdown-description');

    // The link works: it opens the runbook in a new tab (served here, the test has no internet), without an opener.
    await context.route('https://example.com/runbook', (route) =>
      route.fulfill({ contentType: 'text/html', body: '<title>Runbook</title>' }),
    );
    const [tab] = await Promise.all([
      context.waitForEvent('page'),
      page.getByTestId('description').getByRole('link', { name: 'the runbook' }).click(),
    ]);
    await tab.waitForLoadState();
    expect(tab.url()).toBe('https://example.com/runbook');
    await expect(tab.evaluate(() => window.opener)).resolves.toBeNull();
    await tab.close();

    // Search shows the description as one line of text, the match marked, no Markdown showing.
    // The search index follows metadata's changes shortly after the save: search until it has.
    const hit = page.locator('.hit').filter({ hasText: 'core.orders' });
    for (let attempt = 0; attempt < 50 && !(await hit.count()); attempt++) {
      await page.goto(`${stack().base}/search?term=reconciliation`);
      await page.getByText(/\d+ results?|No tables match/).waitFor();
    }
    const snippet = hit.locator('.resource-description');
    // The search backend may cut a long description to a window around the match; the words stay whole.
    await expect(snippet.textContent()).resolves.toContain('customer order, kept for quarterly reconciliation. Amounts in euros.');
    await expect(snippet.locator('mark').first().textContent()).resolves.toBe('reconciliation');
    await expect(snippet.textContent()).resolves.not.toMatch(/\*\*|\]\(/);
    await context.close();
  });
});
