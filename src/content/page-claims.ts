// This page's saved claims: fetched from the background, anchored in the page's text, painted.
// Keeps which claims were found, for the popup and the hover card.
import { findQuote, PageText } from '../core/anchor';
import { type Claim, paintOf } from '../core/model';
import type { PageStatus } from '../messages';
import { request } from '../request';
import type { Highlighter, Painted } from './highlighter';
import { readPageIdentity } from './page-identity';
import { TextIndex } from './text-index';

export class PageClaims {
  private claims: Claim[] = [];
  private foundIds = new Set<string>();
  private index: TextIndex | null = null;
  private lastSeen = '';

  constructor(
    private readonly root: () => Node,
    private readonly highlighter: Highlighter,
  ) {}

  /** The page's text as of now (rebuilt when asked, since the page may have changed). */
  textIndex(rebuild = false): TextIndex {
    if (!this.index || rebuild) this.index = TextIndex.build(this.root());
    return this.index;
  }

  async load(): Promise<void> {
    const { url, canonical } = readPageIdentity();
    this.claims = await request('claims/for-page', { url, ...(canonical ? { canonical } : {}) });
    this.repaint();
  }

  /** Anchors every claim in freshly indexed text and paints the ones found. */
  repaint(): void {
    const index = this.textIndex(true);
    const text = new PageText(index.text);
    const painted: Painted[] = [];
    this.foundIds.clear();
    for (const claim of this.claims) {
      const found = findQuote(text, claim);
      if (found.kind !== 'found') continue;
      const range = index.rangeFor(found.start, found.end);
      if (!range) continue;
      painted.push({ id: claim.id, paint: paintOf(claim.verdict), range });
      this.foundIds.add(claim.id);
    }
    this.highlighter.paint(painted);
    void request('page/report', { total: this.claims.length }).catch(() => undefined);
    this.reportSeen();
  }

  /** Records on each claim whether it was found here, for the review page's "not found" filter. */
  private reportSeen(): void {
    const found = this.claims.filter((c) => this.foundIds.has(c.id)).map((c) => c.id);
    const missing = this.claims.filter((c) => !this.foundIds.has(c.id)).map((c) => c.id);
    const summary = `${found.join()}|${missing.join()}`;
    // Only when it changed: a repaint with the same outcome costs the database nothing.
    if (summary === this.lastSeen || this.claims.length === 0) return;
    this.lastSeen = summary;
    void request('claims/seen', { found, missing }).catch(() => undefined);
  }

  /** A claim just saved here: paint it at once, without a round trip. */
  upsert(claim: Claim): void {
    const at = this.claims.findIndex((c) => c.id === claim.id);
    if (at >= 0) this.claims[at] = claim;
    else this.claims.push(claim);
    this.repaint();
  }

  remove(id: string): void {
    this.claims = this.claims.filter((claim) => claim.id !== id);
    this.repaint();
  }

  get(id: string): Claim | undefined {
    return this.claims.find((claim) => claim.id === id);
  }

  status(): PageStatus {
    const { url, canonical, title } = readPageIdentity();
    return {
      url,
      ...(canonical ? { canonical } : {}),
      title,
      claims: this.claims.map((claim) => ({ claim, found: this.foundIds.has(claim.id) })),
    };
  }
}
