/** Highlighted fragments, as Elasticsearch gives them: the text, HTML-escaped, with matches in <em>. */

const ESCAPES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const FRAGMENT = 160;

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/**
 * A matcher for the given index terms. Whole names (`orders_enriched`, matched
 * as a prefix of `orders`) are left out: their matching parts are terms too.
 */
export function termMatcher(terms: readonly string[]): RegExp | undefined {
  const words = [...new Set(terms.filter((t) => /^[\p{L}\p{N}]+$/u.test(t)))].sort((a, b) => b.length - a.length);
  if (words.length === 0) return undefined;
  return new RegExp(words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|'), 'giu');
}

/**
 * The fragments of `values` that contain a match, at most `max`: escaped,
 * matches wrapped in <em>…</em>, long texts cut to a window around the first match.
 */
export function fragments(values: readonly (string | null)[], matcher: RegExp, max: number): string[] {
  const out: string[] = [];
  for (const value of values) {
    if (!value || out.length >= max) continue;
    matcher.lastIndex = 0;
    const first = matcher.exec(value);
    if (!first) continue;
    let text = value;
    if (text.length > FRAGMENT) {
      const start = Math.max(0, first.index - FRAGMENT / 4);
      text = `${start > 0 ? '…' : ''}${value.slice(start, start + FRAGMENT)}${start + FRAGMENT < value.length ? '…' : ''}`;
    }
    out.push(emphasize(text, matcher));
  }
  return out;
}

/** Escapes the text and wraps each match; matching runs on the raw text, so entities are never split. */
function emphasize(text: string, matcher: RegExp): string {
  let out = '';
  let last = 0;
  matcher.lastIndex = 0;
  for (let m = matcher.exec(text); m !== null; m = matcher.exec(text)) {
    out += `${escapeHtml(text.slice(last, m.index))}<em>${escapeHtml(m[0])}</em>`;
    last = m.index + m[0].length;
  }
  return out + escapeHtml(text.slice(last));
}
