import { markdownHighlightParts, markdownToText, renderMarkdown } from './markdown';

// Jest runs in Node, without a DOM for DOMPurify: these tests cover markdown-it's half
// (which alone must already be safe); the browser test covers the sanitised page.
describe('Markdown descriptions', () => {
  it('keeps paragraphs and lists', () => {
    const html = renderMarkdown('First paragraph.\n\nSecond paragraph.\n\n- one\n- two\n\n1. first\n2. second');
    expect(html).toContain('<p>First paragraph.</p>\n<p>Second paragraph.</p>');
    expect(html).toContain('<ul>\n<li>one</li>\n<li>two</li>\n</ul>');
    expect(html).toContain('<ol>\n<li>first</li>\n<li>second</li>\n</ol>');
  });

  it('links URLs, external ones in a new tab without an opener', () => {
    expect(renderMarkdown('See https://example.com/docs for more.')).toBe(
      '<p>See <a href="https://example.com/docs" target="_blank" rel="noopener noreferrer">https://example.com/docs</a> for more.</p>\n',
    );
    expect(renderMarkdown('[the runbook](https://example.com/runbook)')).toContain('<a href="https://example.com/runbook" target="_blank"');
    expect(renderMarkdown('[orders](/table_detail/gold/hive/core/orders) or [mail](mailto:data@example.com)')).toBe(
      '<p><a href="/table_detail/gold/hive/core/orders">orders</a> or <a href="mailto:data@example.com">mail</a></p>\n',
    );
  });

  it('escapes raw HTML and refuses script links', () => {
    const html = renderMarkdown('<script>window.pwned = 1</script>\n\nHi <img src=x onerror="alert(1)"> <b>bold</b>');
    expect(html).not.toMatch(/<(script|img|b)\b/);
    expect(html).toContain('&lt;script&gt;window.pwned = 1&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    for (const url of ['javascript:alert(1)', 'JavaScript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)']) {
      expect(renderMarkdown(`[click](${url})`)).not.toContain('<a');
    }
    // Browsers skip leading control characters in a URL; markdown-it percent-encodes them, so this one is a relative path.
    expect(renderMarkdown('[click](<\u0001javascript:alert(1)>)')).toContain('href="%01javascript:alert(1)"');
    expect(renderMarkdown('![pixel](https://tracker.example.com/p.gif)')).not.toContain('<img');
  });

  it('starts its headings below the page’s own', () => {
    expect(renderMarkdown('# Title\n\n## Part')).toBe('<h3>Title</h3>\n<h4>Part</h4>\n');
  });

  it('reduces Markdown to one line of text for snippets', () => {
    expect(markdownToText('**Daily** orders, see [the docs](https://example.com).\n\n- `order_id`\n- <b>raw</b>\n\n# Notes')).toBe(
      'Daily orders, see the docs. order_id <b>raw</b> Notes',
    );
    expect(markdownToText('')).toBe('');
  });

  it('keeps search highlights in the text of a Markdown snippet', () => {
    expect(markdownHighlightParts('**Daily** <em>orders</em> per [<em>customer</em>](https://example.com/a) &amp; &lt;b&gt;')).toEqual([
      { text: 'Daily ', match: false },
      { text: 'orders', match: true },
      { text: ' per ', match: false },
      { text: 'customer', match: true },
      { text: ' & <b>', match: false },
    ]);
  });
});
