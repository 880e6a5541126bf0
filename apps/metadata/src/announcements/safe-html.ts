import sanitizeHtml from 'sanitize-html';
import { InvalidInputError } from '@fram/errors';

/**
 * What announcements and notices may hold (Amundsen's React app renders them as HTML): p, br, b,
 * i, strong, em, ul, ol, li, and a with an http, https or mailto href and no other attribute.
 * Every other element goes (its text stays); scripts, styles, frames, SVG, MathML and the like go
 * with everything they hold; comments go. sanitize-html (htmlparser2) does the reading and the
 * writing: text is escaped, and an href is checked as the browser will read it.
 */
const SAFE_HREF = /^(?:https?:|mailto:)/i;

const OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: ['p', 'br', 'b', 'i', 'strong', 'em', 'ul', 'ol', 'li', 'a'],
  allowedAttributes: { a: ['href'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesAppliedToAttributes: ['href'],
  allowProtocolRelative: false,
  // Relative links go too: a link is kept only when its href names one of the schemes (spaces trimmed).
  transformTags: {
    a: (tagName, attribs) => {
      const href = attribs['href']?.trim();
      // A link to anything else keeps its text and loses its href: an <a> without one is inert.
      // (Renaming the tag instead would confuse sanitize-html's closing tags.)
      const kept: sanitizeHtml.Attributes = href && SAFE_HREF.test(href) ? { href } : {};
      return { tagName, attribs: kept };
    },
  },
  disallowedTagsMode: 'discard',
  nonTextTags: [
    'script',
    'style',
    'iframe',
    'frame',
    'frameset',
    'object',
    'noscript',
    'noembed',
    'noframes',
    'template',
    'textarea',
    'title',
    'xmp',
    'plaintext',
    'svg',
    'math',
  ],
};

/** The announcement's or notice's HTML with only what OPTIONS allows. */
export function safeHtml(input: string): string {
  return sanitizeHtml(input, OPTIONS);
}

/** Whether HTML that safeHtml answered shows any text (not only tags and white space). */
function showsText(safe: string): boolean {
  return sanitizeHtml(safe, { allowedTags: [], allowedAttributes: {} }).trim() !== '';
}

/**
 * The text of a bulletin's `field` (an announcement's html_content, a notice's message) made safe; refuses
 * (400) one that shows no text once made safe, which would be an empty post on the page.
 */
export function cleanBulletinHtml(text: string, field: string): string {
  const safe = safeHtml(text);
  if (!showsText(safe)) throw new InvalidInputError(`${field} has no text left once what is not allowed in it is removed`);
  return safe;
}
