/**
 * The vocabulary of an index, for matching words as people type them:
 * exact, by prefix (while typing), and with typos — one edit for words of 4+
 * letters, two for 8+ (insertions, deletions, substitutions and swaps of
 * neighbours). Typo lookups use a deletion index (symmetric delete): every
 * term is stored under the strings made by deleting up to two of its
 * letters, so a query only generates its own deletions and looks them up,
 * instead of comparing against every term.
 */
export class FuzzyVocabulary {
  private readonly terms = new Set<string>();
  private sorted: string[] | undefined;
  private readonly deletions = new Map<string, string[]>();

  /** Adds a term; with `typos: false` it is found exactly and by prefix only (e.g. joined names). */
  add(term: string, options: { typos?: boolean } = {}): void {
    if (this.terms.has(term)) return;
    this.terms.add(term);
    this.sorted = undefined;
    // Typos are looked for in words people type: not in numbers, not in very long words.
    if (options.typos === false || term.length < 4 || term.length > MAX_TYPO_LENGTH || /^\d+$/.test(term)) return;
    for (const variant of deletionsOf(term, maxEdits(term.length))) {
      const list = this.deletions.get(variant);
      if (list) list.push(term);
      else this.deletions.set(variant, [term]);
    }
  }

  has(term: string): boolean {
    return this.terms.has(term);
  }

  get size(): number {
    return this.terms.size;
  }

  /** Terms starting with `prefix` (at most `limit`, shortest first). */
  withPrefix(prefix: string, limit = 50): string[] {
    const sorted = (this.sorted ??= [...this.terms].sort());
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (sorted[mid] < prefix) low = mid + 1;
      else high = mid;
    }
    const found: string[] = [];
    for (let i = low; i < sorted.length && sorted[i].startsWith(prefix); i++) found.push(sorted[i]);
    return found.sort((a, b) => a.length - b.length || (a < b ? -1 : 1)).slice(0, limit);
  }

  /**
   * Terms within the allowed edit distance of `word` (not `word` itself),
   * each with its distance, nearest first.
   */
  similar(word: string): { term: string; distance: number }[] {
    const allowed = maxEdits(word.length);
    if (allowed === 0) return [];
    const candidates = new Set<string>();
    for (const variant of deletionsOf(word, allowed)) for (const term of this.deletions.get(variant) ?? []) candidates.add(term);
    const found: { term: string; distance: number }[] = [];
    for (const term of candidates) {
      if (term === word) continue;
      const distance = editDistance(word, term, Math.min(allowed, maxEdits(term.length)));
      if (distance > 0 && distance <= Math.min(allowed, maxEdits(term.length))) found.push({ term, distance });
    }
    return found.sort((a, b) => a.distance - b.distance || (a.term < b.term ? -1 : 1));
  }
}

/** Longer terms (joined names) are matched exactly or by prefix only; it keeps the deletion index small. */
export const MAX_TYPO_LENGTH = 16;

/** The typos a word of this length may have: none below 4 letters, one from 4, two from 8. */
export function maxEdits(length: number): number {
  return length >= 8 ? 2 : length >= 4 ? 1 : 0;
}

/** The word and every string made by deleting up to `edits` of its letters. */
function deletionsOf(word: string, edits: number): Set<string> {
  const found = new Set<string>([word]);
  let frontier = [word];
  for (let round = 0; round < edits; round++) {
    const next: string[] = [];
    for (const w of frontier) {
      for (let i = 0; i < w.length; i++) {
        const variant = w.slice(0, i) + w.slice(i + 1);
        if (!found.has(variant)) {
          found.add(variant);
          next.push(variant);
        }
      }
    }
    frontier = next;
  }
  return found;
}

/**
 * Optimal string alignment distance (Levenshtein plus swaps of neighbours),
 * giving up early once it must exceed `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const previous2: number[] = new Array<number>(b.length + 1).fill(0);
  let previous: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  let current: number[] = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    let rowMin = current[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, previous2[j - 2] + 1);
      current[j] = value;
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > limit) return limit + 1;
    for (let j = 0; j <= b.length; j++) previous2[j] = previous[j]!;
    [previous, current] = [current, previous];
  }
  return previous[b.length];
}
