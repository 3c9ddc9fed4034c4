// Corrections that apply on every page without the reader flagging anything: for now the
// built-in acronym check ("Digital Rights Act (DSA)" — the DSA is the Digital Services Act).
// Painted in their own highlight layer, so repainting saved claims leaves them alone.
import { checkAcronyms } from '../core/acronyms';
import type { Verdict } from '../core/model';
import type { Highlighter, Painted } from './highlighter';
import type { TextIndex } from './text-index';

/** What the card shows for a correction found on this page. */
export interface PageCorrection {
  id: string;
  quote: string;
  verdict: Verdict;
  correction: string;
  sources: string[];
  /** Which check (or rule, or list) produced it. */
  origin: string;
}

export class PageCorrections {
  private found = new Map<string, PageCorrection>();

  constructor(
    private readonly highlighter: Highlighter,
    private readonly textIndex: () => TextIndex,
  ) {}

  /** Checks the page's current text again (or clears everything when built-in checks are off). */
  refresh(builtIn: boolean): void {
    this.found.clear();
    const painted: Painted[] = [];
    if (builtIn) {
      const index = this.textIndex();
      for (const finding of checkAcronyms(index.text)) {
        const range = index.rangeFor(finding.start, finding.end);
        if (!range) continue;
        const id = `acronym:${finding.start}`;
        this.found.set(id, {
          id,
          // The highlighted text as the reader sees it: the wrong name and its acronym.
          quote: index.text.slice(finding.start, finding.end).replace(/\s+/g, ' ').trim(),
          verdict: 'false',
          correction: finding.correction,
          sources: [finding.source],
          origin: `Built-in check: the ${finding.acronym} is the ${finding.expected}`,
        });
        painted.push({ id, paint: 'false', range });
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
