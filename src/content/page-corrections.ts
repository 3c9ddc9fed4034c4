// Corrections that apply on every page without the reader flagging anything: the built-in
// acronym check ("Digital Rights Act (DSA)" — the DSA is the Digital Services Act), and the
// reader's own phrase rules ("highlight this phrase on every page"), matched in one pass.
// Painted in their own highlight layer, so repainting saved claims leaves them alone.
import { checkAcronyms } from '../core/acronyms';
import { type CompiledRules, decodeRules, findMatches, normalise } from '../core/match';
import { paintOf, type Verdict } from '../core/model';
import { request } from '../request';
import type { Highlighter, Painted } from './highlighter';
import type { TextIndex } from './text-index';

/** What the card shows for a correction found on this page. */
export interface PageCorrection {
  id: string;
  quote: string;
  /** null: a rule without a verdict (a note). */
  verdict: Verdict | null;
  correction: string;
  sources: string[];
  /** Which check (or rule, or list) produced it. */
  origin: string;
  /** Set for a rule's match: the card fetches the rule's details (correction, note, phrase, list). */
  ruleId?: string;
}

/** The enabled rules, as fetched with the page's claims and kept until the next fetch. */
interface PageRules {
  ids: string[];
  verdicts: (Verdict | null)[];
  compiled: CompiledRules;
}

export class PageCorrections {
  private found = new Map<string, PageCorrection>();
  private rules: PageRules | null = null;

  constructor(
    private readonly highlighter: Highlighter,
    private readonly textIndex: () => TextIndex,
  ) {}

  /** Fetches the enabled rules again (with the page's claims; not on every text change). */
  async loadRules(): Promise<void> {
    const { ids, verdicts, compiled } = await request('rules/for-page', {});
    this.rules = { ids, verdicts, compiled: decodeRules(compiled) };
  }

  /**
   * Checks the page's current text again: built-in checks when `builtIn` is on, and the rules
   * last fetched (which the reader switches one by one in the popup).
   */
  refresh(builtIn: boolean): void {
    this.found.clear();
    const painted: Painted[] = [];
    const index = this.textIndex();
    if (builtIn) {
      for (const finding of checkAcronyms(index.text)) {
        const range = index.rangeFor(finding.start, finding.end);
        if (!range) continue;
        const id = `acronym:${finding.start}`;
        this.found.set(id, {
          id,
          // The highlighted text as the reader sees it: the wrong name and its acronym.
          quote: squash(index.text.slice(finding.start, finding.end)),
          verdict: 'false',
          correction: finding.correction,
          sources: [finding.source],
          origin: `Built-in check: the ${finding.acronym} is the ${finding.expected}`,
        });
        painted.push({ id, paint: 'false', range });
      }
    }
    if (this.rules && this.rules.compiled.count > 0) {
      const { ids, verdicts, compiled } = this.rules;
      for (const match of findMatches(compiled, normalise(index.text))) {
        const ruleId = ids[match.ruleIndex];
        if (ruleId === undefined) continue;
        const id = `rule:${ruleId}:${match.start}`;
        // Several rules with the same phrase report one range: the first one is painted.
        if (this.found.has(id)) continue;
        const range = index.rangeFor(match.start, match.end);
        if (!range) continue;
        const verdict = verdicts[match.ruleIndex] ?? null;
        this.found.set(id, {
          id,
          quote: squash(index.text.slice(match.start, match.end)),
          verdict,
          correction: '',
          sources: [],
          origin: 'Rule',
          ruleId,
        });
        painted.push({ id, paint: paintOf(verdict), range });
      }
    }
    this.highlighter.paint(painted, 'corrections');
  }

  get(id: string): PageCorrection | undefined {
    return this.found.get(id);
  }

  all(): PageCorrection[] {
    return [...this.found.values()];
  }
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();
