/**
 * Name-aware tokens for catalog search. Data names come as snake_case,
 * camelCase, dotted paths and with digits (`fct_orders_v2`, `orderLineItems`,
 * `gold.core.orders`); people search for their parts (`order line`, `items`,
 * `v2`) as well as for the whole (`fct_orders_v2`). So a name yields its
 * parts, lower-cased, and the whole name as one more token.
 */

/** Splits on anything that is not a letter or digit, then on case and digit boundaries. */
const WORD = /[\p{L}\p{N}]+/gu;
const CASE_BOUNDARY = /(?<=[\p{Ll}\p{N}])(?=\p{Lu})|(?<=\p{Lu})(?=\p{Lu}\p{Ll})|(?<=\p{L})(?=\p{N})|(?<=\p{N})(?=\p{L})/u;

export interface Token {
  /** Lower-cased text. */
  text: string;
  /** Position among the parts (the whole-name token shares the first part's position). */
  position: number;
  /** True for a whole name (`fct_orders_v2` as `fctordersv2`) rather than one of its parts. */
  whole: boolean;
}

/** Parts of one text: `orderLineItems_v2` → order, line, items, v, 2. */
export function parts(text: string): string[] {
  const out: string[] = [];
  for (const word of text.match(WORD) ?? []) {
    for (const part of word.split(CASE_BOUNDARY)) if (part !== '') out.push(part.toLowerCase());
  }
  return out;
}

/**
 * Tokens of a text: every part, plus every whole name (a run of characters
 * without spaces that has more than one part) as its parts joined together —
 * `fct_orders_v2` gives `fctordersv2` — so that a name typed without its
 * separators (`orderitems`, `pageviews`) still matches.
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let position = 0;
  for (const chunk of text.split(/\s+/)) {
    if (chunk === '') continue;
    const chunkParts = parts(chunk);
    if (chunkParts.length === 0) continue;
    if (chunkParts.length > 1) tokens.push({ text: chunkParts.join(''), position, whole: true });
    for (const part of chunkParts) tokens.push({ text: part, position: position++, whole: false });
  }
  return tokens;
}

/** The distinct token texts of a text (for indexing). */
export function terms(text: string): string[] {
  return [...new Set(tokenize(text).map((t) => t.text))];
}
