import { openPage, screenshot, signIn, useStack } from './stack';

/**
 * A person's journey through Fram in Chromium: sign in on dev-idp's page,
 * search with a typo, open the table, edit its description, bookmark it, see
 * it on the profile, sign out to the signed-out page, and sign in again from it.
 */
describe('the web UI in Chromium', () => {
  const { stack, browser } = useStack();

  it('signs in, finds a table despite a typo, edits and bookmarks it, sees it on the profile, and signs out', async () => {
    const { context, page } = await openPage(browser(), { width: 1280, height: 900 });
    await page.goto(`${stack().base}/`);
    expect(new URL(page.url()).origin).toBe(stack().idp.origin); // sent to sign in
    await signIn(stack(), page, 'ada@example.com');
    await page.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();
    await page.getByRole('heading', { name: 'Popular tables' }).waitFor();
    await page.locator('.resource-list li').first().waitFor();
    await screenshot(page, '01-home');

    // Search with a typo, from the keyboard.
    await page.getByRole('searchbox', { name: 'Search tables, people and dashboards' }).fill('ordrs');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?term=ordrs/);
    const first = page.locator('.hit').first();
    await expect(first.locator('.resource-name').textContent()).resolves.toBe('core.orders');
    await expect(first.locator('mark').first().textContent()).resolves.toBe('orders');
    await expect(page.getByRole('tab', { name: /Tables \d+/ }).getAttribute('aria-selected')).resolves.toBe('true');
    await screenshot(page, '02-search');

    // Open the table; edit its description.
    await first.getByRole('link').click();
    await page.getByRole('heading', { name: 'core.orders', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Edit description of the table', exact: true }).click();
    const description = `Customer orders, described in Chromium at ${new Date().toISOString()}`;
    await page.getByLabel('Description of the table').fill(description);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('description').filter({ hasText: description }).waitFor();

    // And a column's description.
    const row = page.getByRole('row', { name: /discount_amount/ });
    await row.getByRole('button', { name: 'Edit description of column discount_amount' }).click();
    await page.getByLabel('Description of column discount_amount').fill('Voucher and promotion discounts');
    await row.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('column-discount_amount').filter({ hasText: 'Voucher and promotion discounts' }).waitFor();

    // Bookmark it.
    await page.getByRole('button', { name: /Bookmark/ }).click();
    await page.getByRole('button', { name: 'Bookmarked' }).waitFor();
    await expect(page.getByRole('button', { name: 'Bookmarked' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await page.reload();
    await page.getByTestId('description').filter({ hasText: description }).waitFor(); // saved, not just shown
    await screenshot(page, '03-table');

    // The profile shows the bookmark.
    await page.getByRole('button', { name: /^Account: / }).click();
    await page.getByRole('link', { name: 'My profile' }).click();
    await page.getByRole('heading', { name: 'Ada Lovelace', level: 1 }).waitFor();
    await page.getByRole('tab', { name: /Bookmarked/ }).click();
    await page.getByRole('tabpanel').getByRole('link', { name: 'core.orders' }).waitFor();
    await screenshot(page, '04-profile');

    // A dashboard, from the Dashboards tab of a search.
    await page.getByRole('searchbox').fill('kpis');
    await page.keyboard.press('Enter');
    await page.getByRole('tab', { name: /Dashboards/ }).click();
    await page.locator('.hit').getByRole('link', { name: 'company_kpis' }).click();
    await page.getByRole('heading', { name: 'company_kpis', level: 1 }).waitFor();
    await page.getByRole('link', { name: 'analytics.daily_revenue' }).waitFor();
    await screenshot(page, '04b-dashboard');

    // Sign out: through the IdP's end-session, back to Fram's signed-out page, with a way to sign in again.
    await page.getByRole('button', { name: /^Account: / }).click();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Signed out', level: 1, exact: true }).waitFor();
    expect(new URL(page.url()).origin).toBe(stack().base);
    await screenshot(page, '05-signed-out');
    // Sign in from the signed-out page: the IdP session ended too, so it asks for the password; the catalog opens again.
    await page.getByRole('link', { name: 'Sign in', exact: true }).click();
    await page.waitForURL((url) => url.origin === stack().idp.origin);
    await signIn(stack(), page, 'ada@example.com');
    await page.getByRole('heading', { name: 'Welcome, Ada' }).waitFor();
    await context.close();
  });

  it('shows no edit controls to people who may not edit, and works at phone width with the keyboard', async () => {
    const context = await browser().newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    context.setDefaultTimeout(15_000);
    const page = await context.newPage();
    await page.goto(`${stack().base}/table_detail/gold/hive/core/orders`);
    await signIn(stack(), page, 'frances@example.com'); // Business Users: reads only
    await page.getByRole('heading', { name: 'core.orders', level: 1 }).waitFor();
    // The columns must be on the page, or the counts of edit buttons below would prove nothing.
    await page.getByRole('heading', { name: 'Columns (9)' }).waitFor();
    await expect(page.getByRole('button', { name: /^Edit description/ }).count()).resolves.toBe(0); // the table's and its columns'
    await expect(page.getByRole('button', { name: /^Remove tag/ }).count()).resolves.toBe(0);
    await expect(page.getByLabel('Add a tag').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /Bookmark/ }).count()).resolves.toBe(1); // bookmarks are everyone's own
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390); // nothing wider than the phone
    await screenshot(page, '06-phone-table');

    // Keyboard: search, then move between result tabs with the arrow keys.
    await page.getByRole('searchbox').focus();
    await page.keyboard.type('grace');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/search\?term=grace/);
    await page.getByRole('tab', { name: /Tables/ }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/resource=user/);
    await page.waitForFunction(
      () => document.activeElement?.getAttribute('role') === 'tab' && /People/.test(document.activeElement.textContent ?? ''),
    ); // focus follows
    await page.locator('.hit').first().waitFor();
    await expect(page.locator('.hit .resource-name').first().textContent()).resolves.toBe('Grace Hopper');
    await screenshot(page, '07-phone-search-people');
    await context.close();
  });
});
