import { announcementInputSchema, bulletinIdSchema, noticeInputSchema, noticesQuerySchema } from './bulletins';

const messages = (result: { success: boolean; error?: { issues: { message: string }[] } }) =>
  result.error?.issues.map((i) => i.message) ?? [];

describe('announcement input', () => {
  it('takes a title, HTML and an optional calendar date', () => {
    expect(announcementInputSchema.parse({ title: 'Welcome', html_content: '<p>Hi</p>' })).toEqual({
      title: 'Welcome',
      html_content: '<p>Hi</p>',
    });
    expect(announcementInputSchema.parse({ title: 'T', html_content: '', date: '2024-02-29' }).date).toBe('2024-02-29');
  });

  it('refuses blank or multi-line titles, dates that do not exist, and HTML that is too long', () => {
    expect(messages(announcementInputSchema.safeParse({ title: '  ', html_content: 'x' }))).toEqual(['title must not be empty']);
    expect(messages(announcementInputSchema.safeParse({ title: 'a\nb', html_content: 'x' }))[0]).toMatch(/^title contains a control/);
    expect(messages(announcementInputSchema.safeParse({ html_content: 'x' }))).toEqual(['title is required']);
    for (const date of ['2023-02-29', '2024-13-01', '24-01-01', '2024-01-01T00:00:00Z', 'yesterday']) {
      expect(messages(announcementInputSchema.safeParse({ title: 'T', html_content: 'x', date }))).toEqual([
        'date must be a calendar date as YYYY-MM-DD',
      ]);
    }
    expect(messages(announcementInputSchema.safeParse({ title: 'T', html_content: 'x'.repeat(20_001) }))).toEqual([
      'html_content is longer than 20,000 characters',
    ]);
  });
});

describe('notice input', () => {
  const notice = { resource_uri: 'hive://gold.core/orders', severity: 'warning', message: 'Late <b>today</b>' };

  it("takes a resource key, Amundsen's severities, a message and an optional payload of texts", () => {
    for (const severity of ['info', 'warning', 'alert']) expect(noticeInputSchema.parse({ ...notice, severity }).severity).toBe(severity);
    expect(noticeInputSchema.parse({ ...notice, payload: { owner: 'ada@example.com' } }).payload).toEqual({ owner: 'ada@example.com' });
  });

  it('refuses other severities, an empty message, a payload of non-texts or too many entries, and a missing key', () => {
    expect(messages(noticeInputSchema.safeParse({ ...notice, severity: 1 }))).toEqual(['severity must be info, warning or alert']);
    expect(messages(noticeInputSchema.safeParse({ ...notice, message: ' ' }))).toEqual(['message must not be empty']);
    expect(noticeInputSchema.safeParse({ ...notice, payload: { n: 1 } }).success).toBe(false);
    const many = Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, 'v']));
    expect(messages(noticeInputSchema.safeParse({ ...notice, payload: many }))).toEqual(['payload has more than 20 entries']);
    expect(messages(noticesQuerySchema.safeParse({}))).toEqual(['key is required']);
    expect(messages(noticesQuerySchema.safeParse({ key: '' }))).toEqual(['key must not be empty']);
  });
});

describe('bulletin ids', () => {
  it('are positive whole numbers', () => {
    expect(bulletinIdSchema.parse({ id: '42' })).toEqual({ id: 42 });
    for (const id of ['0', '-1', '1.5', 'x', '01', '1'.repeat(16)]) expect(bulletinIdSchema.safeParse({ id }).success).toBe(false);
  });
});
