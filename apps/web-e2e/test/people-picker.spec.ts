import type { Page } from 'playwright-core';
import { DESKTOP, expectNoHorizontalOverflow, openSignedIn, PHONE, screenshot, seriousViolations, useStack, type Viewport } from './stack';

const NOBODY = 'nobody-at-all@example.com';
const ORDERS_PAGE = '/table_detail/gold/hive/core/orders';

/** The people picker of owner editors (issue 17, part 2), in Chromium: suggestions as one types, keyboard choice, refusals. */
describe('people picker for owners, in Chromium', () => {
  const { stack, browser } = useStack();
  const ownerChips = (page: Page) => page.locator('section[aria-labelledby="owners-title"] .chip');
  const suggestions = (page: Page) => page.getByRole('listbox', { name: 'Matching people' }).getByRole('option');
  const ownerNames = async (page: Page) => (await ownerChips(page).locator('a').allTextContents()).map((t) => t.trim());

  async function onOrders(viewport: Viewport, username = 'ada@example.com') {
    const opened = await openSignedIn(browser(), stack(), username, ORDERS_PAGE, viewport);
    await opened.page.getByRole('heading', { name: 'Owners' }).waitFor();
    return opened;
  }

  /** Types `text` into the picker and waits for the suggestions. */
  async function suggest(page: Page, text: string) {
    const field = page.getByRole('combobox', { name: 'Add an owner' });
    await field.fill(text);
    await page.getByRole('listbox', { name: 'Matching people' }).waitFor();
    return field;
  }

  it('suggests people as one types (name and email), and adds the one chosen with the keyboard', async () => {
    const { context, page } = await onOrders(DESKTOP);
    const field = page.getByRole('combobox', { name: 'Add an owner' });
    await expect(field.getAttribute('aria-expanded')).resolves.toBe('false');
    await suggest(page, 'mar');
    await expect(field.getAttribute('aria-expanded')).resolves.toBe('true');
    const listId = await field.getAttribute('aria-controls');
    await expect(page.locator('[role="listbox"]').getAttribute('id')).resolves.toBe(listId);
    const margaret = suggestions(page).filter({ hasText: 'Margaret Hamilton' });
    await margaret.waitFor();
    await expect(margaret.textContent()).resolves.toContain('margaret@example.com');
    expect(await seriousViolations(page)).toEqual([]);
    await screenshot(page, 'people-picker-desktop');

    // Down the list to Margaret: the field names the highlighted option.
    const options = await suggestions(page).allTextContents();
    const index = options.findIndex((o) => o.includes('margaret@example.com'));
    for (let i = 0; i <= index; i++) await field.press('ArrowDown');
    const active = await field.getAttribute('aria-activedescendant');
    await expect(page.locator(`[id="${active}"]`).textContent()).resolves.toContain('margaret@example.com');
    await expect(page.locator(`[id="${active}"]`).getAttribute('aria-selected')).resolves.toBe('true');
    await field.press('Enter');
    await ownerChips(page).filter({ hasText: 'Margaret Hamilton' }).waitFor();
    await expect(field.inputValue()).resolves.toBe('');

    // Escape closes the list; the owner is still there after a reload, shown by name.
    await suggest(page, 'gra');
    await field.press('Escape');
    await expect(field.getAttribute('aria-expanded')).resolves.toBe('false');
    await page.reload();
    await ownerChips(page).first().waitFor();
    expect(await ownerNames(page)).toContain('Margaret Hamilton');

    await page.getByRole('button', { name: 'Remove owner Margaret Hamilton' }).click();
    await ownerChips(page).filter({ hasText: 'Margaret Hamilton' }).waitFor({ state: 'detached' });
    await context.close();
  });

  it('never offers the current owners, nor one just added', async () => {
    const { context, page } = await onOrders(DESKTOP);
    await ownerChips(page).first().waitFor();
    /** The people offered for `term` (terms that match owners and others, so the list opens). */
    const offered = async (term: string) => {
      await suggest(page, term);
      await suggestions(page).first().waitFor();
      return suggestions(page).allTextContents();
    };
    const expectNoOwnerOffered = async (owners: string[]) => {
      expect(owners.length).toBeGreaterThan(0);
      // Search matches any of the words: the owners' first names, and a reader's (so that the list opens).
      const people = await offered([...owners.map((o) => o.split(' ')[0]), 'Frances'].join(' '));
      expect(people.some((p) => p.includes('Frances Allen'))).toBe(true);
      for (const owner of owners) expect(people.filter((p) => p.includes(owner))).toEqual([]);
    };
    await expectNoOwnerOffered(await ownerNames(page));

    await offered('mar');
    await suggestions(page).filter({ hasText: 'Margaret Hamilton' }).click();
    await ownerChips(page).filter({ hasText: 'Margaret Hamilton' }).waitFor();
    const owners = await ownerNames(page);
    expect(owners).toContain('Margaret Hamilton');
    await expectNoOwnerOffered(owners);

    await page.getByRole('button', { name: 'Remove owner Margaret Hamilton' }).click();
    await ownerChips(page).filter({ hasText: 'Margaret Hamilton' }).waitFor({ state: 'detached' });
    await context.close();
  });

  it('refuses an address Fram cannot resolve, with the message by the field, and adds no chip (also after a reload)', async () => {
    const { context, page } = await onOrders(DESKTOP);
    const before = await ownerNames(page);
    const field = page.getByRole('combobox', { name: 'Add an owner' });
    await field.fill(NOBODY);
    await page.locator('section[aria-labelledby="owners-title"]').getByRole('button', { name: 'Add', exact: true }).click();
    const message = `No one with the address ${NOBODY} is known to Fram or the identity provider`;
    const alert = page.getByRole('alert').filter({ hasText: message });
    await alert.waitFor();
    await expect(field.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(field.getAttribute('aria-describedby')).resolves.toContain((await alert.getAttribute('id')) ?? 'missing');
    expect(await ownerNames(page)).toEqual(before);
    expect((await ownerChips(page).allTextContents()).some((t) => t.includes(NOBODY))).toBe(false);
    await page.reload();
    await page.getByRole('heading', { name: 'Owners' }).waitFor();
    await ownerChips(page).first().waitFor();
    expect(await ownerNames(page)).toEqual(before);
    await context.close();
  });

  it('shows a reader the owners, without owner controls', async () => {
    const { context, page } = await onOrders(DESKTOP, 'frances@example.com');
    await ownerChips(page).first().waitFor();
    await expect(page.getByRole('combobox').count()).resolves.toBe(0);
    await expect(page.getByRole('button', { name: /^Remove owner/ }).count()).resolves.toBe(0);
    await context.close();
  });

  it('fits a phone, with the suggestions open', async () => {
    const { context, page } = await onOrders(PHONE);
    await suggest(page, 'mar');
    await suggestions(page).first().waitFor();
    await expectNoHorizontalOverflow(page);
    expect(await seriousViolations(page)).toEqual([]);
    await context.close();
  });
});
