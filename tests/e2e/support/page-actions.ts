// What a test does and reads on a web page through the extension's in-page UI: wait for the
// content script, flag a claim through the button and editor, read what Factmark painted, and
// find a point on a highlight to click. Shared by the e2e tests that drive news pages.
import { type Point, type TestPage, waitFor } from './browsers';

/** Collapses white space, as a reader sees text (highlighted ranges keep the page's line breaks). */
export const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/**
 * Every text under a Factmark claim or correction highlight, white space collapsed; with `only`,
 * under that highlight alone. Check-worthy sentence marks are another feature's, never included.
 */
export async function paintedTexts(page: TestPage, only?: string): Promise<string[]> {
  const all = await page.highlights();
  return all
    .filter((h) => h.name.startsWith('factmark-') && h.name !== 'factmark-checkworthy')
    .filter((h) => !only || h.name === only)
    .flatMap((h) => h.texts.map(squash));
}

/** Waits until some claim or correction highlight covers exactly `text`. */
export async function waitForPainted(
  page: TestPage,
  text: string,
  what = `no highlight over "${text}"`,
  timeoutMs = 15_000,
): Promise<void> {
  await waitFor(async () => (await paintedTexts(page)).includes(text), timeoutMs, 100, what);
}

/** Waits until the highlight `name` (e.g. 'factmark-false') covers exactly `quote`. */
export async function waitForHighlight(
  page: TestPage,
  name: string,
  quote: string,
  timeoutMs = 10_000,
  what = `no ${name} highlight over "${quote}"`,
): Promise<void> {
  await waitFor(async () => (await paintedTexts(page, name)).includes(quote), timeoutMs, 100, what);
}

/**
 * Waits for the content script's <factmark-ui> element: it runs at document_idle, which can come
 * after the load event, and nothing can be flagged before it.
 */
export async function contentScriptReady(page: TestPage, timeoutMs = 15_000): Promise<void> {
  await waitFor(() => page.evaluate(() => document.querySelector('factmark-ui') !== null), timeoutMs);
}

/**
 * After a reload, whether nothing is painted: the content script is there, and has had half a
 * second to paint what it would (there is no event for "painted nothing").
 */
export async function settledWithoutPainting(page: TestPage): Promise<void> {
  await contentScriptReady(page, 10_000);
  await new Promise((r) => setTimeout(r, 500));
}

/** Waits until the page's body text includes `text` (e.g. a popup's "1 claim on this page"). */
export async function waitForText(page: TestPage, text: string, timeoutMs = 10_000): Promise<void> {
  await waitFor(
    () => page.evaluate((wanted: string) => (document.body.textContent ?? '').includes(wanted), text),
    timeoutMs,
  );
}

export interface ClaimFields {
  /** The editor's text fields after Verdict, in tab order; left blank when not given. */
  correction?: string;
  note?: string;
  sources?: string;
  tags?: string;
  /** Tick "Highlight this phrase on every page" (the phrase is the selected text). */
  rule?: boolean;
  /** How long to wait for the "Flag claim" button after selecting (default 5000 ms). */
  buttonTimeoutMs?: number;
}

/**
 * Selects `text`, clicks "Flag claim", chooses the verdict "False" and fills the fields with the
 * keyboard as a reader would (focus starts on Verdict; Tab walks correction, note, sources, tags,
 * then the rule checkbox), then saves.
 */
export async function flagClaim(page: TestPage, text: string, fields: ClaimFields = {}): Promise<void> {
  // A selection made before the content script started shows no button (as for a reader).
  await contentScriptReady(page);
  await page.selectText(text);
  await page.clickByRole('button', 'Flag claim', { timeoutMs: fields.buttonTimeoutMs ?? 5000 });
  await page.findByRole('dialog', 'Flag claim');
  await page.keyboardPress('ArrowDown');
  const typed = [fields.correction, fields.note, fields.sources, fields.tags];
  // Tab only as far as needed: to the last field given, or past all four to the rule checkbox.
  const stops = fields.rule ? typed.length : typed.findLastIndex((value) => value !== undefined) + 1;
  for (const value of typed.slice(0, stops)) {
    await page.keyboardPress('Tab');
    if (value) await page.keyboardType(value);
  }
  if (fields.rule) {
    await page.keyboardPress('Tab');
    await page.keyboardPress(' ');
    // The phrase field appears, filled with the selected text.
    await page.findByRole('textbox', 'Phrase');
  }
  await page.clickByRole('button', 'Save');
}

/**
 * A point inside the claim or correction highlight whose text is `text` (or, without `text`, the
 * first range of the highlight `only`), scrolled into view, to click as a reader would.
 */
export async function pointOn(page: TestPage, text: string | null, only?: string): Promise<Point> {
  const point = await page.evaluate(
    ({ wanted, only }: { wanted: string | null; only: string | null }) => {
      for (const [name, highlight] of CSS.highlights) {
        if (!name.startsWith('factmark-') || (only && name !== only)) continue;
        for (const range of highlight) {
          const r = range as Range;
          if (wanted !== null && r.toString().replace(/\s+/g, ' ').trim() !== wanted) continue;
          r.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          const box = r.getClientRects()[0];
          if (box) return { x: box.left + Math.min(box.width / 2, 12), y: box.top + box.height / 2 };
        }
      }
      return null;
    },
    { wanted: text, only: only ?? null },
  );
  if (!point) throw new Error(`no highlighted range over "${text ?? only}"`);
  return point;
}

/**
 * Page script that records every pulse Factmark shows (`factmark-pulse`, 1.6 s) in
 * `window.factmarkPulses`, as the text pulsed: a test that attaches to a tab after the pulse has
 * come and gone still sees it. There is no event for a highlight being set, so it looks every 20 ms.
 */
export const PULSE_RECORDER = `(() => {
  const seen = (window.factmarkPulses = []);
  let last = null;
  setInterval(() => {
    const pulse = CSS.highlights.get('factmark-pulse');
    if (!pulse || pulse === last) return;
    last = pulse;
    for (const range of pulse) seen.push(range.toString().replace(/\\s+/g, ' ').trim());
  }, 20);
})();`;

/** The texts pulsed on the page so far (the page runs PULSE_RECORDER). */
export function pulsedTexts(page: TestPage): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { factmarkPulses?: string[] }).factmarkPulses ?? []);
}
