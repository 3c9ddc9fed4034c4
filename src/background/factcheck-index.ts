// The background's lexical index over the enabled feeds' fact-checks. Kept in memory while the
// worker lives and stored in the database (factCheckIndex), so a restarted worker loads it as typed
// arrays instead of analysing every fact-check again. Brought up to date lazily, feed by feed:
// a feed switched off or replaced is removed from the index, one switched on or refreshed is
// added — never a rebuild of the feeds that did not change. Queries run here, in the background
// (a service worker or event page), never on a web page's thread.
import type { FactCheck, FactCheckView } from '../core/factchecks/fact-check';
import { type LoadedIndex, loadIndex, storeIndex } from '../core/factchecks/index-storage';
import {
  addToIndex,
  emptyIndex,
  type FactCheckText,
  type LexicalIndex,
  removeFromIndex,
} from '../core/factchecks/lexical-index';
import { MIN_SENTENCE_WORDS, matchTexts, ProfileCache } from '../core/factchecks/match-sentences';
import { FACTCHECK_MODEL } from '../core/factchecks/model';
import type { RerankModel } from '../core/factchecks/reranker';
import { factChecksById, factChecksOf } from '../db/fact-checks';
import type { FactmarkDb } from '../db/schema';

interface IndexState {
  index: LexicalIndex;
  /** Feed id → the time its fact-checks were stored, as indexed. */
  built: Record<string, number>;
}

export interface TextMatch {
  /** Which of the texts asked about. */
  text: number;
  factCheck: FactCheckView;
  score: number;
}

export class FactCheckIndex {
  private latest: IndexState | null = null;
  private syncing: Promise<IndexState> | null = null;
  private stale = true;
  private readonly cache = new ProfileCache();

  constructor(
    private readonly db: FactmarkDb,
    readonly model: RerankModel = FACTCHECK_MODEL,
  ) {}

  /**
   * The feeds changed (stored, switched, removed): the index is brought up to date now, in the
   * background, so the pages that repaint next do not wait for a new feed's analysis.
   */
  changed(): void {
    this.stale = true;
    // A failure here (a closed database) is the next query's to report.
    this.current().catch(() => undefined);
  }

  /**
   * Each text's best `limit` fact-checks scoring at least `minScore`, best first (texts with none
   * left out). The page asks with the model's threshold; the editor with a lower bar.
   */
  async match(
    texts: readonly string[],
    { limit = 1, minScore = this.model.threshold, minWords = MIN_SENTENCE_WORDS } = {},
  ): Promise<TextMatch[]> {
    const { index } = await this.current();
    const records = new Map<string, FactCheck>();
    const found = await matchTexts(
      index,
      this.model,
      texts,
      async (ids) => {
        const byId = await factChecksById(this.db, ids);
        for (const [id, fc] of byId) records.set(id, fc);
        return byId;
      },
      { limit, cache: this.cache, minWords },
    );
    const wanted = found.flatMap(({ text, matches }) =>
      matches.filter((m) => m.score >= minScore).map((m) => ({ text, id: m.id, score: m.score })),
    );
    // Candidates whose profiles were cached were not fetched: fetch the few that matched.
    const missing = wanted.map((m) => m.id).filter((id) => !records.has(id));
    if (missing.length > 0)
      for (const [id, fc] of await factChecksById(this.db, missing)) records.set(id, fc);
    const titles = await this.listTitles();
    return wanted.flatMap(({ text, id, score }) => {
      const fc = records.get(id);
      return fc ? [{ text, score, factCheck: { ...fc, listTitle: titles.get(fc.listId) ?? '' } }] : [];
    });
  }

  /** How many fact-checks are indexed (the enabled feeds'). */
  async size(): Promise<number> {
    return (await this.current()).index.ids.length;
  }

  private async listTitles(): Promise<Map<string, string>> {
    const lists = await this.db.lists.toArray();
    return new Map(lists.map((list) => [list.id, list.title]));
  }

  private current(): Promise<IndexState> {
    // A sync under way may hold a change the last state does not (or miss one made since): wait.
    if (this.syncing) return this.syncing.then(() => this.current());
    if (!this.stale && this.latest) return Promise.resolve(this.latest);
    this.stale = false;
    const run = this.sync().finally(() => {
      if (this.syncing === run) this.syncing = null;
    });
    this.syncing = run;
    return run;
  }

  private async sync(): Promise<IndexState> {
    const feeds = (await this.db.lists.toArray()).filter(
      (list) => list.kind === 'fact-checks' && list.enabled,
    );
    const wanted: Record<string, number> = {};
    for (const feed of feeds) wanted[feed.id] = feed.stored ?? 0;
    let state = this.latest ?? (await this.loadStored());
    let { index } = state;
    const built = { ...state.built };
    const outdated = Object.keys(built).filter((id) => built[id] !== wanted[id]);
    if (outdated.length > 0) {
      const prefixes = outdated.map((id) => `${id}:`);
      index = removeFromIndex(
        index,
        index.ids.filter((id) => prefixes.some((p) => id.startsWith(p))),
      );
      for (const id of outdated) delete built[id];
    }
    const missing = Object.keys(wanted).filter((id) => built[id] === undefined);
    for (const id of missing) {
      const texts: FactCheckText[] = (await factChecksOf(this.db, id)).map(({ id, claim, title }) => ({
        id,
        claim,
        title,
      }));
      index = addToIndex(index, texts);
      built[id] = wanted[id] ?? 0;
    }
    state = { index, built };
    this.latest = state;
    if (outdated.length > 0 || missing.length > 0) {
      await this.db.factCheckIndex.put({ key: 'lexical', built, index: storeIndex(index) });
    }
    return state;
  }

  /** The stored index, when it is there and sound; else an empty one (the sync adds every feed). */
  private async loadStored(): Promise<IndexState> {
    const row = await this.db.factCheckIndex.get('lexical');
    const loaded: LoadedIndex = row ? loadIndex(row.index) : { kind: 'invalid', reason: 'none stored' };
    if (row && loaded.kind === 'ok') return { index: loaded.index, built: { ...row.built } };
    return { index: emptyIndex(), built: {} };
  }
}
