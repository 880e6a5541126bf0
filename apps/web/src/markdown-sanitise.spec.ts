/**
 * @jest-environment jsdom
 */
import DOMPurify from 'dompurify';
import { announcementHtml, markdownToSafeHtml, PURIFY_CONFIG, sanitiseHtml } from './markdown';

/**
 * DOMPurify is the second line behind markdown-it (which escapes raw HTML): fed hostile HTML directly, it must
 * keep only the elements Markdown makes, with safe links.
 */
describe('sanitising rendered Markdown (jsdom)', () => {
  const sanitise = (html: string) => DOMPurify.sanitize(html, PURIFY_CONFIG);

  it('drops scripts, images, event handlers, styles and unsafe links from HTML', () => {
    const out = sanitise(
      '<p style="color:red" onclick="x()">a<script>alert(1)</script><img src=x onerror="alert(2)">' +
        '<a href="javascript:alert(3)">j</a><a href="//evil.example">p</a><a href="https://ok.example" target="_blank" rel="noopener noreferrer">ok</a>' +
        '<iframe src="https://evil.example"></iframe></p>',
    );
    expect(out).toBe('<p>a<a>j</a><a>p</a><a href="https://ok.example" target="_blank" rel="noopener noreferrer">ok</a></p>');
  });

  it('renders Markdown to the same safe HTML in a DOM: paragraphs, lists and links kept, raw HTML inert', () => {
    const html = markdownToSafeHtml(
      'One\n\nTwo <img src=x onerror=alert(1)>\n\n- a\n- b\n\n[docs](https://docs.example) [far](//evil.example)',
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelectorAll('p')).toHaveLength(3);
    expect(doc.querySelectorAll('li')).toHaveLength(2);
    expect(doc.querySelector('img')).toBeNull();
    expect([...doc.querySelectorAll('a')].map((a) => a.getAttribute('href'))).toEqual(['https://docs.example']);
    expect(doc.body.textContent).toContain('<img src=x onerror=alert(1)>');
  });
});

/**
 * Announcements keep exactly what metadata keeps (p, br, b, i, strong, em, ul, ol, li, a with an http(s) or
 * mailto href): what the page shows of a post (sanitiseHtml), and what the form previews and posts (announcementHtml).
 */
describe('announcement HTML: the subset metadata keeps (jsdom)', () => {
  it('keeps paragraphs, bold, italics, lists and http(s) and mailto links, with nothing but their href', () => {
    expect(
      sanitiseHtml(
        '<p>A <b>b</b> <i>i</i> <strong>s</strong> <em>e</em><br></p><ul><li>one</li></ul><ol><li>two</li></ol>' +
          '<p><a href="https://ok.example" title="t">web</a> <a href="mailto:x@example.com">mail</a></p>',
      ),
    ).toBe(
      '<p>A <b>b</b> <i>i</i> <strong>s</strong> <em>e</em><br></p><ul><li>one</li></ul><ol><li>two</li></ol>' +
        '<p><a href="https://ok.example">web</a> <a href="mailto:x@example.com">mail</a></p>',
    );
  });

  it.each([
    ['a javascript: link loses its href', '<p><a href="javascript:alert(1)">j</a></p>', '<p><a>j</a></p>'],
    ['a relative link loses its href (metadata keeps only http(s) and mailto)', '<p><a href="/table/x">rel</a></p>', '<p><a>rel</a></p>'],
    ['an onerror handler goes with its image', '<p>x<img src="x" onerror="alert(1)"></p>', '<p>x</p>'],
    ['an SVG goes whole, onload and all', '<p>a<svg onload="alert(1)"><text>t</text></svg>b</p>', '<p>ab</p>'],
    ['style attributes and elements go', '<p style="color:red">s<style>p{}</style></p>', '<p>s</p>'],
    [
      'a target without rel goes (no tab-nabbing)',
      '<p><a href="https://x.example" target="_blank">t</a></p>',
      '<p><a href="https://x.example">t</a></p>',
    ],
    ['headings and code flatten to their text', '<h3>Title</h3><p><code>x()</code></p><pre><code>y</code></pre>', 'Title<p>x()</p>y'],
    ['scripts go whole', '<p>a<script>alert(1)</script></p>', '<p>a</p>'],
  ])('%s', (_what, html, kept) => {
    expect(sanitiseHtml(html)).toBe(kept);
  });

  it('posts and previews Markdown as that subset: links without target, headings and code as text, raw HTML inert', () => {
    expect(announcementHtml('Hello **there** and *you*\n\n- one\n- [docs](https://docs.example)')).toBe(
      '<p>Hello <strong>there</strong> and <em>you</em></p>\n<ul>\n<li>one</li>\n<li><a href="https://docs.example">docs</a></li>\n</ul>\n',
    );
    const flattened = announcementHtml('# Big\n\n`code` [here](/table/x) [bad](javascript:alert(1)) <b onclick="x()">raw</b>');
    expect(flattened).not.toMatch(/<h\d|<code|target=|<[^>]*onclick|href="javascript|href="\/table/);
    expect(flattened).toContain('Big');
    expect(flattened).toContain('&lt;b onclick="x()"&gt;raw&lt;/b&gt;');
  });
});
