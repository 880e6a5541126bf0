import DOMPurify from 'dompurify';
import MarkdownIt from 'markdown-it';
import { highlightParts, type HighlightPart } from './highlight';

/** Links a description may hold: http(s), mailto, and links within Fram (no scheme, not `//host`: another site). */
const SAFE_URL = /^(?:https?:|mailto:|[#?]|(?![/\\]{2})[a-z0-9+.-]*(?:[^a-z0-9+.\-:]|$))/i;

/** Absolute web links open in a new tab, as Fram's other external links do. */
const EXTERNAL_URL = /^https?:/i;

// Descriptions are written by people, not trusted authors: no raw HTML, no images (no tracking pixels).
const md = new MarkdownIt({ html: false, linkify: true, typographer: false }).disable('image');
md.validateLink = (url) => SAFE_URL.test(url.trim());

md.renderer.rules.link_open = (tokens, idx, options, _env, self) => {
  const token = tokens[idx];
  if (EXTERNAL_URL.test(String(token.attrGet('href') ?? ''))) {
    token.attrSet('target', '_blank');
    token.attrSet('rel', 'noopener noreferrer');
  }
  return self.renderToken(tokens, idx, options);
};

// A description sits under the page's h1 and its section's h2: its own headings start at h3.
md.core.ruler.push('demote_headings', (state) => {
  for (const token of state.tokens) {
    if (token.type === 'heading_open' || token.type === 'heading_close') token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 2)}`;
  }
});

/** Markdown as HTML, before sanitising: raw HTML is escaped and links are limited to safe schemes. */
export function renderMarkdown(source: string): string {
  return md.render(source);
}

export const PURIFY_CONFIG = {
  ALLOWED_TAGS: [
    'p',
    'br',
    'ul',
    'ol',
    'li',
    'a',
    'em',
    'strong',
    's',
    'code',
    'pre',
    'blockquote',
    'hr',
    'h3',
    'h4',
    'h5',
    'h6',
    'table',
    'thead',
    'tbody',
    'tr',
    'th',
    'td',
  ],
  ALLOWED_ATTR: ['href', 'title', 'target', 'rel', 'start'],
  ALLOWED_URI_REGEXP: SAFE_URL,
};

/**
 * Markdown as HTML that is safe to put in the page: markdown-it already escapes raw
 * HTML, and DOMPurify (defence in depth) keeps only the elements Markdown makes.
 * Needs a DOM (the browser).
 */
export function markdownToSafeHtml(source: string): string {
  return DOMPurify.sanitize(renderMarkdown(source), PURIFY_CONFIG);
}

/** Links an announcement may hold, as metadata keeps them: http(s) and mailto only. */
const ANNOUNCEMENT_URL = /^(?:https?:|mailto:)/i;

/**
 * What an announcement may hold, exactly what metadata keeps (apps/metadata/src/announcements/safe-html.ts):
 * p, br, b, i, strong, em, ul, ol, li, and a with an http(s) or mailto href and no other attribute. Other
 * elements go, their text kept (headings, code, quotes flatten to text); scripts, styles, SVG and the like go whole.
 */
export const ANNOUNCEMENT_PURIFY_CONFIG = {
  ALLOWED_TAGS: ['p', 'br', 'b', 'i', 'strong', 'em', 'ul', 'ol', 'li', 'a'],
  ALLOWED_ATTR: ['href'],
  ALLOWED_URI_REGEXP: ANNOUNCEMENT_URL,
};

/**
 * HTML written elsewhere (an announcement's `html_content`) as HTML safe to put in the page: the subset
 * metadata keeps (ANNOUNCEMENT_PURIFY_CONFIG), checked again here. Needs a DOM.
 */
export function sanitiseHtml(html: string): string {
  return DOMPurify.sanitize(html, ANNOUNCEMENT_PURIFY_CONFIG);
}

/**
 * An announcement written in Markdown as the HTML it is posted as (and previewed as): only what metadata
 * keeps, so the preview shows what readers will see. Needs a DOM.
 */
export function announcementHtml(source: string): string {
  return sanitiseHtml(renderMarkdown(source));
}

/** Markdown as one line of plain text (for snippets): the words without the markup, blocks joined by spaces. */
export function markdownToText(source: string): string {
  const words: string[] = [];
  for (const block of md.parse(source, {})) {
    if (block.type === 'inline') {
      for (const token of block.children ?? []) {
        if (token.type === 'text' || token.type === 'code_inline') words.push(token.content);
        else if (token.type === 'softbreak' || token.type === 'hardbreak') words.push(' ');
      }
    } else if (block.type === 'fence' || block.type === 'code_block') words.push(block.content);
    words.push(' ');
  }
  return words.join('').replace(/\s+/g, ' ').trim();
}

// Private-use characters mark where highlights start and end while the Markdown is reduced to text.
const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARKS = /[\uE000\uE001]/g;

/**
 * A search highlight of a Markdown text (HTML-escaped, matches in `<em>`) as plain
 * text parts, the matches kept: the snippet a search result shows.
 */
export function markdownHighlightParts(fragment: string): HighlightPart[] {
  const marked = highlightParts(fragment)
    .map((part) => (part.match ? `${OPEN}${part.text.replace(MARKS, '')}${CLOSE}` : part.text.replace(MARKS, '')))
    .join('');
  const parts: HighlightPart[] = [];
  let match = false;
  for (const piece of markdownToText(marked).split(/([\uE000\uE001])/)) {
    if (piece === OPEN) match = true;
    else if (piece === CLOSE) match = false;
    else if (piece) parts.push({ text: piece, match });
  }
  return parts;
}
