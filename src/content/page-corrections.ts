// Corrections that apply on every page without the reader flagging anything: the built-in
// acronym check ("Digital Rights Act (DSA)" — the DSA is the Digital Services Act), and the
// reader's own phrase rules ("highlight this phrase on every page"), matched in one pass.
// Painted in their own highlight layer, so repainting saved claims leaves them alone.
//
// Incremental: after a change, what was found elsewhere moves with the text (src/core/text) and
// only the edited stretches, plus a margin as long as the longest match, are checked again —
// in windows small enough that one never holds the page's thread for long.
import { checkAcronyms } from '../core/acronyms';
import { type CompiledRules, decodeRules, findMatches, normalise } from '../core/match';
import type { PageCorrection } from '../core/match/page-correction';
import { paintOf, type Verdict } from '../core/model';
import { addDirty, type Edit, type Interval, scanWindows, shiftSpans, touchesAny } from '../core/text';
import { request } from '../request';
import type { Highlighter, Painted } from './highlighter';
import type { Slicer } from './slices';
import type { TextIndex } from './text-index';

/** The enabled rules, as fetched with the page's claims and kept until the next fetch. */
interface PageRules {
  ids: string[];
  verdicts: (Verdict | null)[];
  compiled: CompiledRules;
  /** How far past an edit a match may reach (raw text can be longer than the folded phrase). */
  margin: number;
}

/** A correction found, where it is in the text (moved along as the page changes). */
interface Found extends Interval {
  /** What was found there: "acronym" or a rule's id; with the offsets, no finding twice. */
  kind: string;
  range: Range;
  correction: PageCorrection;
}

/**
 * New text per matcher call: a few milliseconds of folding and matching. Each call has a fixed
 * cost (tokenising, the first-word filter, a slice), so windows four times the size of 16 KB
 * save about a fifth of a full page's check (10,000 rules, wikipedia-2) and still fit a slice.
 */
const CHUNK = 65_536;
/** The acronym check looks a bounded number of words either side of an acronym. */
const ACRONYM_MARGIN = 512;

export class PageCorrections {
  private found: Found[] = [];
  /** Stretches of text edited since they were last checked. */
  private dirty: Interval[] = [];
  private rules: PageRules | null = null;
  private builtIn = true;
  private seq = 0;

  constructor(
    private readonly highlighter: Highlighter,
    private readonly textIndex: () => TextIndex,
  ) {}

  /** Fetches the enabled rules again (with the page's claims; not on every text change). */
  async loadRules(): Promise<void> {
    const { ids, verdicts, compiled } = await request('rules/for-page', {});
    const rules = decodeRules(compiled);
    let longest = 0;
    for (let i = 0; i < rules.count; i++) {
      longest = Math.max(longest, (rules.phraseStart[i + 1] ?? 0) - (rules.phraseStart[i] ?? 0));
    }
    this.rules = { ids, verdicts, compiled: rules, margin: Math.min(8192, longest * 4 + 256) };
  }

  /** Forgets what was found: the whole text is checked on the next `scan`, with `builtIn` as set. */
  reset(builtIn: boolean): void {
    this.builtIn = builtIn;
    this.found = [];
    this.dirty = [{ start: 0, end: this.textIndex().text.length }];
  }

  /** The index changed: move what was found past the edits, and note what to check again. */
  edited(edits: readonly Edit[]): void {
    for (const edit of edits) {
      this.found = shiftSpans(this.found, edit).kept;
      this.dirty = addDirty(this.dirty, edit);
    }
  }

  /**
   * Checks the stretches edited since the last scan (the whole text after `reset`), a window per
   * slice. What each window finds is kept at once, so a scan cut short by a newer change loses
   * nothing; the painted layer is brought up to date however it ends.
   */
  async scan(slicer: Slicer): Promise<void> {
    try {
      const index = this.textIndex();
      const text = index.text;
      const rules = this.rules && this.rules.compiled.count > 0 ? this.rules : null;
      if (!this.builtIn && !rules) {
        this.dirty = [];
        return;
      }
      const margin = Math.max(rules?.margin ?? 0, this.builtIn ? ACRONYM_MARGIN : 0);
      const known = new Set(this.found.map(keyOf));
      for (const window of scanWindows(this.dirty, text.length, margin, CHUNK)) {
        await slicer.maybePause();
        const slice = text.slice(window.start, window.end);
        const add = (found: Omit<Found, 'range'>) => {
          if (!touchesAny(found, this.dirty) || known.has(keyOf(found))) return;
          const range = index.rangeFor(found.start, found.end);
          if (!range) return;
          known.add(keyOf(found));
          this.found.push({ ...found, range });
        };
        if (this.builtIn) {
          for (const finding of checkAcronyms(slice)) {
            const start = window.start + finding.start;
            const end = window.start + finding.end;
            add({
              kind: 'acronym',
              start,
              end,
              correction: {
                id: `acronym:${this.seq++}`,
                // The highlighted text as the reader sees it: the wrong name and its acronym.
                quote: squash(text.slice(start, end)),
                verdict: 'false',
                correction: finding.correction,
                sources: [finding.source],
                origin: `Built-in check: the ${finding.acronym} is the ${finding.expected}`,
              },
            });
          }
        }
        if (rules) {
          const { ids, verdicts, compiled } = rules;
          for (const match of findMatches(compiled, normalise(slice))) {
            const ruleId = ids[match.ruleIndex];
            if (ruleId === undefined) continue;
            const start = window.start + match.start;
            const end = window.start + match.end;
            // Several rules with the same phrase report one range: the first one is painted.
            add({
              kind: 'rule',
              start,
              end,
              correction: {
                id: `rule:${ruleId}:${this.seq++}`,
                quote: squash(text.slice(start, end)),
                verdict: verdicts[match.ruleIndex] ?? null,
                correction: '',
                sources: [],
                origin: 'Rule',
                ruleId,
              },
            });
          }
        }
      }
      this.dirty = [];
    } finally {
      this.paint();
    }
  }

  private paint(): void {
    const painted: Painted[] = this.found.map((f) => ({
      id: f.correction.id,
      paint: paintOf(f.correction.verdict),
      range: f.range,
    }));
    this.highlighter.paint(painted, 'corrections');
  }

  get(id: string): PageCorrection | undefined {
    return this.found.find((f) => f.correction.id === id)?.correction;
  }

  all(): PageCorrection[] {
    return this.found.map((f) => f.correction);
  }
}

const keyOf = (f: Omit<Found, 'range'>) => `${f.kind}:${f.start}:${f.end}`;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
