import type { SearchFilter } from '@fram/models';
import type { ResourceSchema } from '../resource-schemas';
import { FuzzyVocabulary } from '../text/fuzzy-vocabulary';
import { parts, tokenize } from '../text/tokenize';

/**
 * The documents a term occurs in, in id order, with the weight of the best
 * field it occurs in. Appended to as JS arrays; read as compact typed
 * arrays, re-made when the list has grown since.
 */
class Postings {
  ids: number[] = [];
  weights: number[] = [];
  private packedIds = new Int32Array(0);
  private packedWeights = new Float32Array(0);

  packed(): { ids: Int32Array; weights: Float32Array } {
    if (this.packedIds.length !== this.ids.length) {
      this.packedIds = Int32Array.from(this.ids);
      this.packedWeights = Float32Array.from(this.weights);
    }
    return { ids: this.packedIds, weights: this.packedWeights };
  }
}

export interface ScoredDocument<D> {
  doc: D;
  score: number;
}

export interface ResourceQuery {
  text: string;
  filters: readonly SearchFilter[];
  offset: number;
  limit: number;
}

export interface ResourceResult<D> {
  total: number;
  hits: ScoredDocument<D>[];
  /** The index terms the query matched (for highlighting). */
  matchedTerms: string[];
}

/** How much a matched term counts, by how it matched the query word. */
const MATCH_WEIGHT = { exact: 1, prefix: 0.75, typo1: 0.55, typo2: 0.35 } as const;
/** Added when the whole query equals the name (or key): exact names come first. */
const EXACT_BONUS = 1000;
/** Usage multiplies a score by at most this much more: it only breaks near-ties. */
const USAGE_INFLUENCE = 0.05;
const PREFIX_EXPANSIONS = 40;
/** Field-length normalisation: each further word in a value lowers its matches' weight a little. */
const LENGTH_PENALTY = 0.1;

/**
 * An in-memory inverted index over one resource type. Each document's terms
 * (name-aware tokens of its fields) point to it with the weight of the best
 * field they occur in. A query word matches terms exactly, by prefix, or with
 * typos; a document's score sums, per query word, its best match × field
 * weight × idf. Documents matching more of the query words rank first; an
 * exact name match ranks before everything; usage breaks near-ties.
 */
export class ResourceIndex<D extends { key: string }> {
  private docs: (D | undefined)[] = [];
  /** Lower-cased exact-match values (names, keys) → the ids of the documents that have them. */
  private exact = new Map<string, number[]>();
  /** Per document id: its usage (and its logarithm), computed once. */
  private usages: number[] = [];
  private logUsages: number[] = [];
  private alive = new Uint8Array(1024);
  private readonly ids = new Map<string, number>();
  private postings = new Map<string, Postings>();
  private vocabulary = new FuzzyVocabulary();
  private live = 0;
  private maxUsage = 0;
  private scores = new Float64Array(0);
  private best = new Float64Array(0);
  private coverage = new Uint16Array(0);
  /** Scratch lists of document ids touched by the current query and by its current word. */
  private touchedIds = new Int32Array(0);
  private wordIds = new Int32Array(0);

  constructor(private readonly schema: ResourceSchema<D>) {}

  get size(): number {
    return this.live;
  }

  get(key: string): D | undefined {
    const id = this.ids.get(key);
    return id === undefined ? undefined : this.docs[id];
  }

  upsert(doc: D): void {
    const old = this.ids.get(doc.key);
    if (old !== undefined) {
      this.docs[old] = undefined;
      this.alive[old] = 0;
      this.live -= 1;
    }
    const id = this.docs.length;
    this.docs.push(doc);
    for (const value of new Set(this.schema.exact(doc).flatMap((v) => (v === null ? [] : [v.toLowerCase()])))) {
      const list = this.exact.get(value);
      if (list) list.push(id);
      else this.exact.set(value, [id]);
    }
    this.usages.push(this.schema.usage(doc));
    this.logUsages.push(Math.log(1 + this.usages[id]));
    if (id >= this.alive.length) {
      const grown = new Uint8Array(this.alive.length * 2);
      grown.set(this.alive);
      this.alive = grown;
    }
    this.alive[id] = 1;
    this.ids.set(doc.key, id);
    this.live += 1;
    this.maxUsage = Math.max(this.maxUsage, this.usages[id]);
    const weights = new Map<string, number>();
    const joined = new Set<string>();
    for (const field of this.schema.fields) {
      for (const value of field.values(doc)) {
        if (!value) continue;
        const valueParts = parts(value);
        // A match in a short value counts more than one in a long value (`payments` over `fct_payments`).
        const weight = field.weight / (1 + LENGTH_PENALTY * (valueParts.length - 1));
        for (const term of valueParts) weights.set(term, Math.max(weights.get(term) ?? 0, weight));
        if (field.joined && valueParts.length > 1) {
          const whole = valueParts.join('');
          joined.add(whole);
          weights.set(whole, Math.max(weights.get(whole) ?? 0, weight));
        }
      }
    }
    for (const [term, weight] of weights) {
      let list = this.postings.get(term);
      if (!list) {
        list = new Postings();
        this.postings.set(term, list);
        // Joined names are matched exactly or by prefix; their typo variants would fill memory.
        this.vocabulary.add(term, { typos: !joined.has(term) });
      }
      list.ids.push(id);
      list.weights.push(weight);
    }
    if (this.docs.length > 1000 && this.docs.length > 2 * this.live) this.compact();
  }

  remove(key: string): boolean {
    const id = this.ids.get(key);
    if (id === undefined) return false;
    this.docs[id] = undefined;
    this.alive[id] = 0;
    this.ids.delete(key);
    this.live -= 1;
    return true;
  }

  search(query: ResourceQuery): ResourceResult<D> {
    const matches = compileFilters(query.filters, this.schema);
    const words = parts(query.text);
    if (words.length === 0) return this.browse(matches, query);

    this.ensureScratch();
    const { best, scores, coverage, alive, touchedIds, wordIds } = this;
    let touchedCount = 0;
    const matchedTerms = new Set<string>();
    const n = Math.max(this.live, 1);
    for (const word of new Set(words)) {
      let wordCount = 0;
      for (const [term, weight] of this.expand(word)) {
        const list = this.postings.get(term);
        if (!list) continue;
        matchedTerms.add(term);
        const factor = weight * Math.log(1 + n / list.ids.length);
        const { ids, weights } = list.packed();
        for (let i = 0; i < ids.length; i++) {
          const id = ids[i];
          if (alive[id] === 0) continue;
          const s = factor * weights[i];
          const current = best[id];
          if (current === 0) wordIds[wordCount++] = id;
          if (s > current) best[id] = s;
        }
      }
      for (let i = 0; i < wordCount; i++) {
        const id = wordIds[i];
        if (coverage[id] === 0) touchedIds[touchedCount++] = id;
        scores[id] += best[id];
        coverage[id] += 1;
        best[id] = 0;
      }
    }
    // Whole names typed as they are (`fct_orders_v2`) count once more.
    for (const token of tokenize(query.text)) {
      if (!token.whole) continue;
      const list = this.postings.get(token.text);
      if (!list) continue;
      matchedTerms.add(token.text);
      const idf = Math.log(1 + n / list.ids.length);
      for (let i = 0; i < list.ids.length; i++) {
        const id = list.ids[i];
        if (this.alive[id] === 1 && this.coverage[id] > 0) this.scores[id] += list.weights[i] * idf;
      }
    }

    for (const id of this.exact.get(query.text.trim().toLowerCase()) ?? []) {
      if (this.alive[id] === 1 && this.coverage[id] > 0) this.scores[id] += EXACT_BONUS;
    }
    const usageScale = Math.log(1 + this.maxUsage) || 1;
    const top = new TopK(query.offset + query.limit);
    let total = 0;
    const usageWeight = USAGE_INFLUENCE / usageScale;
    for (let i = 0; i < touchedCount; i++) {
      const id = touchedIds[i];
      const matched = coverage[id];
      let score = scores[id];
      scores[id] = 0;
      coverage[id] = 0;
      if (matches !== undefined && !matches(this.docs[id]!)) continue;
      total += 1;
      score *= 1 + usageWeight * this.logUsages[id];
      top.offer(id, matched, score);
    }
    return {
      total,
      hits: top
        .sorted()
        .slice(query.offset)
        .map((r) => ({ doc: this.docs[r.id]!, score: round(r.score) })),
      matchedTerms: [...matchedTerms],
    };
  }

  /** An empty query browses: the most used first. */
  private browse(matches: ((doc: D) => boolean) | undefined, query: ResourceQuery): ResourceResult<D> {
    const top = new TopK(query.offset + query.limit);
    let total = 0;
    for (let id = 0; id < this.docs.length; id++) {
      const doc = this.docs[id];
      if (doc === undefined || (matches !== undefined && !matches(doc))) continue;
      total += 1;
      top.offer(id, 0, this.usages[id]);
    }
    return {
      total,
      hits: top
        .sorted()
        .slice(query.offset)
        .map((r) => ({ doc: this.docs[r.id]!, score: r.score })),
      matchedTerms: [],
    };
  }

  /** The index terms a query word stands for, with how much each counts. */
  private expand(word: string): Map<string, number> {
    const found = new Map<string, number>();
    const add = (term: string, weight: number) => found.set(term, Math.max(found.get(term) ?? 0, weight));
    if (this.vocabulary.has(word)) add(word, MATCH_WEIGHT.exact);
    if (word.length >= 3)
      for (const term of this.vocabulary.withPrefix(word, PREFIX_EXPANSIONS)) if (term !== word) add(term, MATCH_WEIGHT.prefix);
    for (const { term, distance } of this.vocabulary.similar(word)) add(term, distance === 1 ? MATCH_WEIGHT.typo1 : MATCH_WEIGHT.typo2);
    return found;
  }

  private ensureScratch(): void {
    if (this.scores.length >= this.docs.length) return;
    const size = Math.max(1024, this.docs.length * 2);
    this.scores = new Float64Array(size);
    this.best = new Float64Array(size);
    this.coverage = new Uint16Array(size);
    this.touchedIds = new Int32Array(size);
    this.wordIds = new Int32Array(size);
  }

  /** Rebuilds postings without the ids of replaced and removed documents. */
  private compact(): void {
    const liveDocs = this.docs.filter((d): d is D => d !== undefined);
    this.docs = [];
    this.exact = new Map();
    this.usages = [];
    this.logUsages = [];
    this.alive = new Uint8Array(1024);
    this.ids.clear();
    this.postings = new Map();
    this.vocabulary = new FuzzyVocabulary();
    this.live = 0;
    this.maxUsage = 0;
    for (const doc of liveDocs) this.upsert(doc);
  }
}

const round = (x: number) => Math.round(x * 1000) / 1000;

interface Ranked {
  id: number;
  coverage: number;
  score: number;
}

/**
 * True when `a` ranks before `b`: more query words matched, then a higher
 * score, then the earlier indexed (a stable, cheap tie-break).
 */
const before = (a: Ranked, b: Ranked) =>
  a.coverage > b.coverage || (a.coverage === b.coverage && (a.score > b.score || (a.score === b.score && a.id < b.id)));

/** The best `k` of many candidates, without sorting them all: a binary heap whose root is the worst kept. */
class TopK {
  private readonly heap: Ranked[] = [];

  constructor(private readonly k: number) {}

  /** Keeps a candidate if it is among the best k so far; allocates only for those kept. */
  offer(id: number, coverage: number, score: number): void {
    if (this.k === 0) return;
    const heap = this.heap;
    if (heap.length === this.k) {
      const worst = heap[0];
      if (coverage < worst.coverage || (coverage === worst.coverage && (score < worst.score || (score === worst.score && id > worst.id))))
        return;
    }
    const item: Ranked = { id, coverage, score };
    if (heap.length < this.k) {
      heap.push(item);
      let i = heap.length - 1;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!before(heap[parent], heap[i])) break;
        [heap[parent], heap[i]] = [heap[i], heap[parent]];
        i = parent;
      }
      return;
    }
    if (!before(item, heap[0])) return;
    heap[0] = item;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let worst = i;
      if (left < heap.length && before(heap[worst], heap[left])) worst = left;
      if (right < heap.length && before(heap[worst], heap[right])) worst = right;
      if (worst === i) break;
      [heap[worst], heap[i]] = [heap[i], heap[worst]];
      i = worst;
    }
  }

  sorted(): Ranked[] {
    return [...this.heap].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }
}

/**
 * Amundsen's filters: each value may use `*` wildcards and matches
 * case-insensitively; OR needs one value to match, AND all of them. Filters
 * this resource type does not know are ignored, as Amundsen does.
 */
function compileFilters<D>(filters: readonly SearchFilter[], schema: ResourceSchema<D>): ((doc: D) => boolean) | undefined {
  const checks = filters.flatMap((filter) => {
    const values = schema.filters[filter.name];
    if (!values || filter.values.length === 0) return [];
    const patterns = filter.values.map(
      (v) =>
        new RegExp(
          `^${v
            .toLowerCase()
            .split('*')
            .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
            .join('.*')}$`,
          's',
        ),
    );
    return [
      (doc: D) => {
        const actual = values(doc)
          .filter((v): v is string => v !== null)
          .map((v) => v.toLowerCase());
        const hit = (p: RegExp) => actual.some((v) => p.test(v));
        return filter.operation === 'AND' ? patterns.every(hit) : patterns.some(hit);
      },
    ];
  });
  return checks.length === 0 ? undefined : (doc) => checks.every((check) => check(doc));
}
