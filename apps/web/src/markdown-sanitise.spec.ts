/**
 * @jest-environment jsdom
 */
import DOMPurify from 'dompurify';
import { markdownToSafeHtml, PURIFY_CONFIG } from './markdown';

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
