import { safeHtml } from './safe-html';

describe('safeHtml: the HTML of announcements and notices', () => {
  it('keeps the allowed elements, in a canonical form', () => {
    expect(safeHtml('<p>Hello <b>bold</b> <i>it</i> <STRONG>s</STRONG> <em>e</em><br/>next</p>')).toBe(
      '<p>Hello <b>bold</b> <i>it</i> <strong>s</strong> <em>e</em><br />next</p>',
    );
    expect(safeHtml('<ul><li>one</li><li>two</li></ul><ol class="x"><li>1</li></ol>')).toBe(
      '<ul><li>one</li><li>two</li></ul><ol><li>1</li></ol>',
    );
  });

  it('keeps http, https and mailto links, with their href only', () => {
    expect(safeHtml('<a href="https://example.com/a?b=1&amp;c=2" target="_blank" onclick="steal()">docs</a>')).toBe(
      '<a href="https://example.com/a?b=1&amp;c=2">docs</a>',
    );
    expect(safeHtml("<a href='HTTP://example.com'>x</a> <a href=mailto:ada@example.com>mail</a>")).toBe(
      '<a href="HTTP://example.com">x</a> <a href="mailto:ada@example.com">mail</a>',
    );
    expect(safeHtml('<a href="  https://example.com/  ">x</a>')).toBe('<a href="https://example.com/">x</a>');
  });

  it('drops the href of links to anything else, however the scheme is hidden, and keeps their text', () => {
    for (const href of [
      'javascript:alert(1)',
      'JaVaScRiPt:alert(1)',
      ' javascript:alert(1)',
      'java\tscript:alert(1)',
      '&#106;avascript:alert(1)',
      '&#x6A;avascript:alert(1)',
      'javascript&colon;alert(1)',
      'data:text/html;base64,PHNjcmlwdD4=',
      'vbscript:msgbox(1)',
      '/relative/path',
      '//evil.example.com',
      '',
    ]) {
      expect([href, safeHtml(`<a href="${href}">click</a>`)]).toEqual([href, '<a>click</a>']);
    }
    expect(safeHtml('<a>no href</a>')).toBe('<a>no href</a>');
  });

  it('never lets an entity-encoded href turn into another scheme in the browser', () => {
    // Whatever is kept is kept as checked: the browser decodes exactly what was escaped.
    expect(safeHtml('<a href="https://x.example/&#106;avascript:">x</a>')).toBe('<a href="https://x.example/javascript:">x</a>');
    expect(safeHtml('<a href="https://x.example/?q=&quot;&gt;">x</a>')).toBe('<a href="https://x.example/?q=&quot;&gt;">x</a>');
  });

  it('drops scripts, styles and other dangerous elements with all they hold', () => {
    expect(safeHtml('a<script>alert(1)</script>b')).toBe('ab');
    expect(safeHtml('a<SCRIPT type="x">alert("</p>")</SCRIPT >b')).toBe('ab');
    expect(safeHtml('a<style>p{}</style><iframe src="https://x"></iframe><textarea><b>t</b></textarea>b')).toBe('ab');
    expect(safeHtml('a<svg><script>alert(1)</script></svg>b<math><mi>x</mi></math>c')).toBe('abc');
    expect(safeHtml('a<script>never closed')).toBe('a');
    expect(safeHtml('a<noscript><p>x</p></noscript><template><b>t</b></template>b')).toBe('ab');
  });

  it('drops other elements and every attribute but keeps their text', () => {
    expect(safeHtml('<div class="x"><span style="color:red">red</span></div>')).toBe('red');
    expect(safeHtml('<img src=x onerror=alert(1)>after')).toBe('after');
    expect(safeHtml('<p onclick="alert(1)" style="x">p</p>')).toBe('<p>p</p>');
    expect(safeHtml('<b onmouseover=alert(1)>b</b>')).toBe('<b>b</b>');
    expect(safeHtml('<h1>Title</h1><table><tr><td>cell</td></tr></table>')).toBe('Titlecell');
  });

  it('drops comments, doctypes and processing instructions', () => {
    expect(safeHtml('a<!-- <script>alert(1)</script> -->b<!DOCTYPE html>c<?xml version="1.0"?>d')).toBe('abcd');
    expect(safeHtml('a<!-- never closed <b>x</b>')).toBe('a');
  });

  it('escapes what is text', () => {
    expect(safeHtml('1 < 2 && 3 > 2 "q" \'s\'')).toBe('1 &lt; 2 &amp;&amp; 3 &gt; 2 "q" \'s\'');
    // Character references are decoded and what must be is escaped again.
    expect(safeHtml('&lt;script&gt; &amp; &nbsp; &#169; &#xA9; &bogus')).toBe('&lt;script&gt; &amp; \u00a0 © © &amp;bogus');
    expect(safeHtml('< p>not a tag</ p>')).toBe('&lt; p&gt;not a tag');
    expect(safeHtml('<b>x</b attr="y">')).toBe('<b>x</b>');
  });

  it('closes what is left open, and drops end tags of what is not open', () => {
    expect(safeHtml('<p><b>bold')).toBe('<p><b>bold</b></p>');
    expect(safeHtml('</b>text</i></a>')).toBe('text');
    expect(safeHtml('<b><i>x</b>y</i>')).toBe('<b><i>x</i></b>y');
    expect(safeHtml('<ul><li>a<li>b</ul>')).toBe('<ul><li>a</li><li>b</li></ul>');
  });

  it('does not nest links', () => {
    expect(safeHtml('<a href="https://a.example">a<a href="https://b.example">b</a>c</a>')).toBe(
      '<a href="https://a.example">a</a><a href="https://b.example">b</a>c',
    );
  });

  it('keeps its own output as it is', () => {
    const clean = safeHtml('<p>Hi <a href="https://example.com/?a=1&b=2">x</a> &amp; <em>more</em><br></p><script>x</script>');
    expect(safeHtml(clean)).toBe(clean);
  });

  it('keeps plain text with line breaks, and unicode', () => {
    expect(safeHtml('Line one\nLine two — ünïcödé 😀')).toBe('Line one\nLine two — ünïcödé 😀');
    expect(safeHtml('')).toBe('');
  });

  it('answers only allowed tags and checked links, whatever fragments the input is made of', () => {
    const fragments = [
      '<',
      '>',
      '/',
      '"',
      "'",
      '=',
      ' ',
      '&',
      '#',
      ';',
      '-',
      '!',
      '?',
      'a',
      'p',
      'b',
      'script',
      'svg',
      'href',
      'onclick',
      'javascript:',
      'https://x.example',
      '&#106;',
      '&quot;',
      '<!--',
      '-->',
      '</',
      '<a href=',
      '<script>',
      '</script>',
      '<p>',
      '<img src=x onerror=alert(1)>',
      '<b',
      'style',
      '\n',
      '\t',
      'x',
    ];
    const allowed = /<(?:\/?(?:p|br|b|i|strong|em|ul|ol|li|a)>|a href="(?:https?:|mailto:)[^"<>]*">)/giy;
    let seed = 42;
    const random = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    for (let run = 0; run < 3000; run++) {
      const input = Array.from({ length: 1 + random(30) }, () => fragments[random(fragments.length)]).join('');
      const output = safeHtml(input);
      for (let at = output.indexOf('<'); at !== -1; at = output.indexOf('<', at + 1)) {
        allowed.lastIndex = at;
        expect([input, output, allowed.test(output)]).toEqual([input, output, true]);
      }
      expect(output).not.toMatch(/javascript:[^<]*">/i);
    }
  });
});
