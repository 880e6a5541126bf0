import { MAX_FACET_VALUES, type Facets, type SearchFilter, type SearchSort } from '@fram/models';
import { facetFieldOf, type ResourceSchema } from '../resource-schemas';
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
  /** Relevance when absent. */
  sort?: SearchSort;
  /** The filter fields whose values to count (only then are facets computed). */
  facets?: readonly string[];
}

export interface ResourceResult<D> {
  total: number;
  hits: ScoredDocument<D>[];
  /** The index terms the query matched (for highlighting). */
  matchedTerms: string[];
  /** Only when the query asked for facets. */
  facets?: Facets;
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
  /** Per document id: its sort keys (lower-cased name, last update, usage as sorted by). */
  private sortNames: string[] = [];
  private sortUpdated: (number | null)[] = [];
  private sortUsages: number[] = [];
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
    this.sortNames.push(this.schema.sort.name(doc).toLowerCase());
    this.sortUpdated.push(this.schema.sort.updated(doc));
    this.sortUsages.push(this.schema.sort.usage(doc));
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
    const collector = this.collector(query);
    const words = parts(query.text);
    if (words.length === 0) return this.browse(collector);

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
    const usageWeight = USAGE_INFLUENCE / usageScale;
    for (let i = 0; i < touchedCount; i++) {
      const id = touchedIds[i];
      const matched = coverage[id];
      const score = scores[id];
      scores[id] = 0;
      coverage[id] = 0;
      collector.offer(id, this.docs[id]!, matched, score * (1 + usageWeight * this.logUsages[id]));
    }
    return collector.result(this.docs, [...matchedTerms], round);
  }

  /** An empty query browses: the most used first (or in the order asked for). */
  private browse(collector: Collector<D>): ResourceResult<D> {
    for (let id = 0; id < this.docs.length; id++) {
      const doc = this.docs[id];
      if (doc !== undefined) collector.offer(id, doc, 0, this.usages[id]);
    }
    return collector.result(this.docs, [], (score) => score);
  }

  /** What gathers a query's hits: its filters, its order, its facets. */
  private collector(query: ResourceQuery): Collector<D> {
    const top = new TopK(query.offset + query.limit, this.order(query.sort ?? 'relevance'));
    const facets = query.facets && query.facets.length > 0 ? query.facets : undefined;
    return new Collector(compileFilters(query.filters, this.schema), top, query.offset, this.schema, facets);
  }

  /** How two candidates compare in a sort order: relevance (more words matched, then score) breaks the ties of the others. */
  private order(sort: SearchSort): Before {
    const relevance: Before = (id, coverage, score, b) =>
      coverage > b.coverage || (coverage === b.coverage && (score > b.score || (score === b.score && id < b.id)));
    switch (sort) {
      case 'name': {
        const names = this.sortNames;
        const docs = this.docs;
        return (id, coverage, score, b) => {
          const x = names[id];
          const y = names[b.id];
          if (x !== y) return x < y;
          const kx = docs[id]!.key;
          const ky = docs[b.id]!.key;
          return kx !== ky ? kx < ky : relevance(id, coverage, score, b);
        };
      }
      case 'last_updated': {
        const updated = this.sortUpdated;
        return (id, coverage, score, b) => {
          const x = updated[id];
          const y = updated[b.id];
          if (x === y) return relevance(id, coverage, score, b);
          if (x === null) return false;
          if (y === null) return true;
          return x > y;
        };
      }
      case 'usage': {
        const usages = this.sortUsages;
        return (id, coverage, score, b) => {
          const x = usages[id];
          const y = usages[b.id];
          return x !== y ? x > y : relevance(id, coverage, score, b);
        };
      }
      default:
        return relevance;
    }
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
    this.sortNames = [];
    this.sortUpdated = [];
    this.sortUsages = [];
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
 * True when the candidate (`id`, `coverage`, `score`) ranks before `b`. Relevance: more query words
 * matched, then a higher score, then the earlier indexed (a stable, cheap tie-break).
 */
type Before = (id: number, coverage: number, score: number, b: Ranked) => boolean;

/** The best `k` of many candidates, without sorting them all: a binary heap whose root is the worst kept. */
class TopK {
  private readonly heap: Ranked[] = [];
  private readonly before: (a: Ranked, b: Ranked) => boolean;

  constructor(
    private readonly k: number,
    private readonly ranksBefore: Before,
  ) {
    this.before = (a, b) => ranksBefore(a.id, a.coverage, a.score, b);
  }

  /** Keeps a candidate if it is among the best k so far; allocates only for those kept. */
  offer(id: number, coverage: number, score: number): void {
    if (this.k === 0) return;
    const heap = this.heap;
    const before = this.before;
    if (heap.length === this.k && !this.ranksBefore(id, coverage, score, heap[0])) return;
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
    const before = this.before;
    return [...this.heap].sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
  }
}

/** One filter of a query: the field it filters (as facets name it) and its check. */
interface FilterCheck<D> {
  field: string;
  check: (doc: D) => boolean;
}

/**
 * Gathers the candidates of a query: those passing every filter are hits (counted, the best kept); when
 * facets are asked, each facet counts the values of the candidates that pass every filter but its own field's.
 */
class Collector<D> {
  private total = 0;
  private readonly counts: Map<string, Map<string, number>> | undefined;

  constructor(
    private readonly checks: readonly FilterCheck<D>[],
    private readonly top: TopK,
    private readonly offset: number,
    private readonly schema: ResourceSchema<D>,
    facets: readonly string[] | undefined,
  ) {
    this.counts = facets && new Map(facets.map((f) => [f, new Map<string, number>()]));
  }

  offer(id: number, doc: D, coverage: number, score: number): void {
    const counts = this.counts;
    if (counts === undefined) {
      for (const c of this.checks) if (!c.check(doc)) return;
      this.hit(id, coverage, score);
      return;
    }
    // The one field whose filters the document fails (facets of that field still count it), if only one.
    let failed: string | undefined;
    for (const c of this.checks) {
      if (c.check(doc)) continue;
      if (failed === undefined) failed = c.field;
      else if (failed !== c.field) return;
    }
    if (failed === undefined) {
      this.hit(id, coverage, score);
      for (const [field, values] of counts) this.count(field, values, doc);
    } else {
      const values = counts.get(failed);
      if (values) this.count(failed, values, doc);
    }
  }

  result(docs: readonly (D | undefined)[], matchedTerms: string[], roundScore: (score: number) => number): ResourceResult<D> {
    return {
      total: this.total,
      hits: this.top
        .sorted()
        .slice(this.offset)
        .map((r) => ({ doc: docs[r.id]!, score: roundScore(r.score) })),
      matchedTerms,
      ...(this.counts && { facets: Object.fromEntries([...this.counts].map(([field, values]) => [field, topValues(values)])) }),
    };
  }

  private hit(id: number, coverage: number, score: number): void {
    this.total += 1;
    this.top.offer(id, coverage, score);
  }

  private count(field: string, values: Map<string, number>, doc: D): void {
    const of = this.schema.filters[field];
    if (!of) return;
    for (const value of new Set(of(doc))) if (value !== null && value !== '') values.set(value, (values.get(value) ?? 0) + 1);
  }
}

/** A facet's most frequent values (at most MAX_FACET_VALUES), ties by value. */
function topValues(values: Map<string, number>): { value: string; count: number }[] {
  return [...values]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_FACET_VALUES)
    .map(([value, count]) => ({ value, count }));
}

/**
 * Amundsen's filters: each value may use `*` wildcards and matches
 * case-insensitively; OR needs one value to match, AND all of them. Filters
 * this resource type does not know are ignored, as Amundsen does.
 */
function compileFilters<D>(filters: readonly SearchFilter[], schema: ResourceSchema<D>): FilterCheck<D>[] {
  return filters.flatMap((filter): FilterCheck<D>[] => {
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
      {
        field: facetFieldOf(filter.name),
        check: (doc: D) => {
          const actual = values(doc)
            .filter((v): v is string => v !== null)
            .map((v) => v.toLowerCase());
          const hit = (p: RegExp) => actual.some((v) => p.test(v));
          return filter.operation === 'AND' ? patterns.every(hit) : patterns.some(hit);
        },
      },
    ];
  });
}
