// An in-memory word index over every saved claim, for search as you type at 100,000 claims:
// quote, correction, note, tags, page title and site, folded (case, accents), each word mapped
// to the claims that contain it. Claims are added, replaced and removed as the database changes;
// a removed claim leaves a dead slot that searches skip, and the index compacts itself when too
// many pile up. Pure state with a lifetime (hence a class); no I/O.
import { type Claim, type Paint, paintOf, VERDICTS } from '../model';
import { type SearchQuery, wordMatches } from './query';
import { fold, siteOf, wordsOf } from './text';
import type { Sort } from './view-state';

/** A claim with what filters, sorting and grouping need, computed once. */
export interface IndexedClaim {
  claim: Claim;
  site: string;
  paint: Paint;
  /** Tags folded, for case- and accent-insensitive tag filters. */
  tags: string[];
  /** The page it belongs to: its canonical key when it has one, else its own page key. */
  page: string;
  /** Its row in the review list, made once so listing 100,000 matches allocates nothing. */
  row: { kind: 'claim'; claim: Claim; site: string };
}

/** Which slots a search matched: slot `s` matched when `count[s] === need`. */
export interface Hits {
  count: Uint8Array;
  need: number;
}

const PAINT_RANK: Record<Paint, number> = Object.fromEntries(
  [...VERDICTS, 'note'].map((paint, rank) => [paint, rank]),
) as Record<Paint, number>;

export class SearchIndex {
  private slots: (IndexedClaim | undefined)[] = [];
  private slotById = new Map<string, number>();
  private postings = new Map<string, number[]>();
  /** Every indexed word, sorted, for prefix lookups; rebuilt lazily after bulk additions. */
  private vocabulary: string[] = [];
  private vocabularySorted = true;
  private dead = 0;
  private orders = new Map<Sort, Int32Array>();
  /** Bumped on every change, so callers can tell a cached result is stale. */
  version = 0;

  constructor(claims: Iterable<Claim> = []) {
    this.upsert([...claims]);
  }

  get size(): number {
    return this.slotById.size;
  }

  get(id: string): IndexedClaim | undefined {
    const slot = this.slotById.get(id);
    return slot === undefined ? undefined : this.slots[slot];
  }

  /** The indexed claim in a slot, or undefined when that slot's claim was removed. */
  at(slot: number): IndexedClaim | undefined {
    return this.slots[slot];
  }

  /** Every live claim, in no particular order. */
  *claims(): IterableIterator<IndexedClaim> {
    for (const doc of this.slots) if (doc) yield doc;
  }

  /** Adds claims, or replaces them when their id is indexed already. */
  upsert(claims: readonly Claim[]): void {
    if (claims.length === 0) return;
    const bulk = claims.length > 64;
    for (const claim of claims) {
      this.removeOne(claim.id);
      const slot = this.slots.length;
      const doc = indexed(claim);
      this.slots.push(doc);
      this.slotById.set(claim.id, slot);
      for (const word of documentWords(doc)) {
        const list = this.postings.get(word);
        if (list) {
          list.push(slot);
          continue;
        }
        this.postings.set(word, [slot]);
        if (bulk) {
          this.vocabulary.push(word);
          this.vocabularySorted = false;
        } else {
          this.vocabulary.splice(lowerBound(this.vocabularySortedList(), word), 0, word);
        }
      }
    }
    // Sorted now rather than on the first search, which would otherwise pay for it.
    if (bulk) this.vocabularySortedList();
    this.changed();
  }

  remove(ids: Iterable<string>): void {
    let removed = false;
    for (const id of ids) removed = this.removeOne(id) || removed;
    if (removed) this.changed();
  }

  /** Replaces everything with these claims. */
  reset(claims: readonly Claim[]): void {
    this.slots = [];
    this.slotById.clear();
    this.postings.clear();
    this.vocabulary = [];
    this.vocabularySorted = true;
    this.dead = 0;
    this.upsert(claims);
    this.changed();
  }

  /** The slots matching every word of the query, or null for an empty query (all match). */
  search(query: SearchQuery): Hits | null {
    const { words } = query;
    if (words.length === 0) return null;
    const count = new Uint8Array(this.slots.length);
    for (let t = 0; t < words.length; t++) {
      const word = words[t]!;
      const prefix = query.lastIsPrefix && t === words.length - 1;
      if (!prefix) {
        const list = this.postings.get(word);
        if (!list) return { count, need: words.length };
        advance(count, list, t);
        continue;
      }
      const vocabulary = this.vocabularySortedList();
      for (let i = lowerBound(vocabulary, word); i < vocabulary.length; i++) {
        const candidate = vocabulary[i]!;
        if (!wordMatches(query, t, candidate)) break;
        advance(count, this.postings.get(candidate)!, t);
      }
    }
    return { count, need: words.length };
  }

  /** The live slots in the order of a sort; cached until the next change. */
  ordered(sort: Sort): Int32Array {
    const cached = this.orders.get(sort);
    if (cached) return cached;
    const live: number[] = [];
    for (let slot = 0; slot < this.slots.length; slot++) if (this.slots[slot]) live.push(slot);
    const docs = this.slots as IndexedClaim[];
    const byNewest = (a: number, b: number) =>
      docs[b]!.claim.updated - docs[a]!.claim.updated || compareText(docs[a]!.claim.id, docs[b]!.claim.id);
    const compare: Record<Sort, (a: number, b: number) => number> = {
      newest: byNewest,
      oldest: (a, b) => -byNewest(a, b),
      site: (a, b) => compareText(docs[a]!.site, docs[b]!.site) || byNewest(a, b),
      verdict: (a, b) => PAINT_RANK[docs[a]!.paint] - PAINT_RANK[docs[b]!.paint] || byNewest(a, b),
    };
    const order = Int32Array.from(live.sort(compare[sort]));
    this.orders.set(sort, order);
    return order;
  }

  /** Distinct sites and tags with how many claims have each, most used first (for suggestions). */
  facets(): { sites: [string, number][]; tags: [string, number][] } {
    const sites = new Map<string, number>();
    const tags = new Map<string, [string, number]>();
    for (const doc of this.claims()) {
      if (doc.site) sites.set(doc.site, (sites.get(doc.site) ?? 0) + 1);
      doc.claim.tags.forEach((tag, i) => {
        const key = doc.tags[i] ?? tag;
        const seen = tags.get(key);
        if (seen) seen[1] += 1;
        else tags.set(key, [tag, 1]);
      });
    }
    const byUse = (a: [string, number], b: [string, number]) => b[1] - a[1] || compareText(a[0], b[0]);
    return { sites: [...sites].sort(byUse), tags: [...tags.values()].sort(byUse) };
  }

  private removeOne(id: string): boolean {
    const slot = this.slotById.get(id);
    if (slot === undefined) return false;
    this.slots[slot] = undefined;
    this.slotById.delete(id);
    this.dead += 1;
    return true;
  }

  private changed(): void {
    this.version += 1;
    this.orders.clear();
    if (this.dead > 1_000 && this.dead > this.slotById.size) this.compact();
  }

  /** Rebuilds without dead slots, so postings and memory stay proportional to live claims. */
  private compact(): void {
    const live = [...this.claims()].map((doc) => doc.claim);
    this.slots = [];
    this.slotById.clear();
    this.postings.clear();
    this.vocabulary = [];
    this.vocabularySorted = true;
    this.dead = 0;
    this.upsert(live);
  }

  private vocabularySortedList(): string[] {
    if (!this.vocabularySorted) {
      this.vocabulary.sort(compareText);
      this.vocabularySorted = true;
    }
    return this.vocabulary;
  }
}

export function indexed(claim: Claim): IndexedClaim {
  const site = siteOf(claim.url);
  return {
    claim,
    site,
    paint: paintOf(claim.verdict),
    tags: claim.tags.map(fold),
    page: claim.canonicalKey ?? claim.pageKey,
    row: { kind: 'claim', claim, site },
  };
}

/** The distinct words a claim is found by. */
function documentWords(doc: IndexedClaim): Set<string> {
  const { claim } = doc;
  const text = [claim.quote.exact, claim.correction, claim.note, claim.title, doc.site, ...claim.tags].join(
    '\n',
  );
  return new Set(wordsOf(text));
}

/** Moves slots that matched the first `t` words to having matched `t + 1` (once per word). */
function advance(count: Uint8Array, slots: readonly number[], t: number): void {
  for (const slot of slots) if (count[slot] === t) count[slot] = t + 1;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The first index whose word is not less than `word`. */
function lowerBound(sorted: readonly string[], word: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid]! < word) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
