// Corrections that apply on every page without the reader flagging anything: the built-in
// acronym check ("Digital Rights Act (DSA)" — the DSA is the Digital Services Act), and the
// reader's own phrase rules ("highlight this phrase on every page"). The background finds them
// (`corrections/find`, core/match/find-corrections.ts): the page sends the stretches of its text
// to check, then makes a Range for each finding and paints it in its own highlight layer, so
// repainting saved claims leaves them alone. The rules, the matcher and the acronym table never
// load in the page (issue 11).
//
// Incremental: after a change, what was found elsewhere moves with the text (src/core/text) and
// only the edited stretches, plus a margin as long as the longest match, are checked again.
import { t } from '../core/i18n/translate';
import type { CorrectionFinding } from '../core/match/find-corrections';
import type { PageCorrection } from '../core/match/page-correction';
import { paintOf } from '../core/model';
import { addDirty, type Edit, type Interval, scanWindows, shiftSpans, touchesAny } from '../core/text';
import { CORRECTION_FIND_LIMITS } from '../messages';
import { request } from '../request';
import type { Highlighter, Painted } from './highlighter';
import type { Slicer } from './slices';
import type { TextIndex } from './text-index';

/** A correction found, where it is in the text (moved along as the page changes). */
interface Found extends Interval {
  /** What found it ("acronym" or "rule"); with the offsets, no finding twice. */
  kind: string;
  range: Range;
  correction: PageCorrection;
}

/**
 * New text per window: large, since the background checks it, yet far under the request's
 * limit with a margin either side.
 */
const CHUNK = 262_144;
/** Until the background has said how far a match reaches: the most it ever says. */
const WIDEST_MARGIN = 8192;

export class PageCorrections {
  private found: Found[] = [];
  /** Stretches of text edited since they were last checked. */
  private dirty: Interval[] = [];
  private builtIn = true;
  /** How far past an edit a match may reach, as the background last said. */
  private margin = WIDEST_MARGIN;
  private seq = 0;

  constructor(
    private readonly highlighter: Highlighter,
    private readonly textIndex: () => TextIndex,
  ) {}

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
   * Has the stretches edited since the last scan (the whole text after `reset`) checked, in
   * requests of at most CORRECTION_FIND_LIMITS.windows windows, and makes a Range per finding in
   * slices. What each request finds is kept at once, so a scan cut short by a newer change loses
   * nothing; the painted layer is brought up to date however it ends. False when the background
   * did not answer (stopped or restarting): what was not checked stays to be checked again.
   */
  async scan(slicer: Slicer): Promise<boolean> {
    try {
      const index = this.textIndex();
      const text = index.text;
      const known = new Set(this.found.map(keyOf));
      const windows = scanWindows(this.dirty, text.length, this.margin, CHUNK).map((w) => ({
        start: w.start,
        text: text.slice(w.start, w.end),
        cutBefore: w.start > 0,
        cutAfter: w.end < text.length,
      }));
      for (let at = 0; at < windows.length; at += CORRECTION_FIND_LIMITS.windows) {
        let reply: { findings: CorrectionFinding[]; margin: number };
        try {
          reply = await request('corrections/find', {
            windows: windows.slice(at, at + CORRECTION_FIND_LIMITS.windows),
            builtIn: this.builtIn,
          });
        } catch (error) {
          // The rest of the page's work goes on; the stretches stay to be checked again.
          console.warn('Factmark: corrections not checked:', error);
          return false;
        }
        slicer.check();
        const { findings, margin } = reply;
        this.margin = margin;
        for (const finding of findings) {
          await slicer.maybePause();
          if (!touchesAny(finding, this.dirty)) continue;
          // Several rules with the same phrase report one range: the first one is painted.
          const key = keyOf(finding);
          if (known.has(key)) continue;
          const range = index.rangeFor(finding.start, finding.end);
          if (!range) continue;
          known.add(key);
          const quote = squash(text.slice(finding.start, finding.end));
          this.found.push({
            kind: finding.kind,
            start: finding.start,
            end: finding.end,
            range,
            correction: this.correctionOf(finding, quote),
          });
        }
      }
      this.dirty = [];
      return true;
    } finally {
      this.paint();
    }
  }

  /** What the card shows for a finding: the highlighted text as the reader sees it, and why. */
  private correctionOf(finding: CorrectionFinding, quote: string): PageCorrection {
    if (finding.kind === 'acronym')
      return {
        id: `acronym:${this.seq++}`,
        quote,
        verdict: 'false',
        correction: finding.correction,
        sources: [finding.source],
        origin: t('page_origin_builtin_acronym', { acronym: finding.acronym, expected: finding.expected }),
      };
    return {
      id: `rule:${finding.ruleId}:${this.seq++}`,
      quote,
      verdict: finding.verdict,
      correction: '',
      sources: [],
      origin: 'Rule',
      ruleId: finding.ruleId,
    };
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

const keyOf = (f: { kind: string; start: number; end: number }) => `${f.kind}:${f.start}:${f.end}`;
const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
