/** One piece of a highlighted fragment: plain text, or text that matched the search. */
export interface HighlightPart {
  text: string;
  match: boolean;
}

const ENTITIES: Readonly<Record<string, string>> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'", '&#x27;': "'" };

/**
 * Splits a search highlight (HTML-escaped text with `<em>` around matches)
 * into text parts. The UI renders them as text, never as HTML, so nothing in
 * a description can become markup.
 */
export function highlightParts(fragment: string): HighlightPart[] {
  const parts: HighlightPart[] = [];
  let match = false;
  for (const piece of fragment.split(/(<\/?em>)/)) {
    if (piece === '<em>') match = true;
    else if (piece === '</em>') match = false;
    else if (piece) parts.push({ text: piece.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (e) => ENTITIES[e] ?? e), match });
  }
  return parts;
}
