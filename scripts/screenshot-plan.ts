// What `npm run screenshots` (scripts/screenshots.ts) takes pictures of, and what it puts on the
// demo article first: the shots and their file names, the notes seeded through the background, the
// claim flagged in the editor shot, and the dark style the demo article is served with. Pure: no
// browser, no files; tests/unit/screenshots.test.ts checks it against demo/seed-article.html.

export type ColorScheme = 'light' | 'dark';
export const SCHEMES: readonly ColorScheme[] = ['light', 'dark'];

/** Store screenshots are 1280×800 (Chrome Web Store; addons.mozilla.org takes the same). */
export const VIEWPORT = { width: 1280, height: 800 } as const;

/** The shots, in the order they are taken for each scheme. */
export const SHOTS = [
  {
    name: 'article-marks',
    what: 'the demo article at the "Digital Rights Act (DSA)" correction, marks painted',
  },
  { name: 'editor', what: 'the in-page editor over a selected sentence, with a verdict and a correction' },
  { name: 'card', what: "a saved claim's card, opened by clicking its highlight" },
  { name: 'popup', what: "the toolbar popup over the article's tab" },
  { name: 'review', what: 'the review page listing the seeded notes' },
] as const;

export type ShotName = (typeof SHOTS)[number]['name'];

/** `article-marks-dark.png`: the shot, then the scheme. */
export function shotFile(shot: ShotName, scheme: ColorScheme): string {
  return `${shot}-${scheme}.png`;
}

/** Every file one run writes, in the order it writes them. */
export function allShotFiles(): string[] {
  return SCHEMES.flatMap((scheme) => SHOTS.map((shot) => shotFile(shot.name, scheme)));
}

export interface ScreenshotOptions {
  /** Where the PNGs go; relative to the working directory. */
  outDir: string;
  help: boolean;
}

export const DEFAULT_OUT_DIR = 'store/screenshots';

export type ParsedArgs = { kind: 'ok'; options: ScreenshotOptions } | { kind: 'invalid'; reason: string };

export function parseScreenshotArgs(argv: readonly string[]): ParsedArgs {
  const options: ScreenshotOptions = { outDir: DEFAULT_OUT_DIR, help: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') options.help = true;
    else if (arg === '--out') {
      const dir = argv[++i];
      if (!dir || dir.startsWith('--')) return { kind: 'invalid', reason: '--out needs a folder' };
      options.outDir = dir;
    } else if (arg.startsWith('--out=')) {
      const dir = arg.slice('--out='.length);
      if (!dir) return { kind: 'invalid', reason: '--out needs a folder' };
      options.outDir = dir;
    } else return { kind: 'invalid', reason: `unknown argument: ${arg} (try --help)` };
  }
  return { kind: 'ok', options };
}

// ── The demo article ─────────────────────────────────────────────────────────────────────────

/** The address the demo article declares as its canonical one; the seeded notes are filed under it. */
export const DEMO_CANONICAL = 'https://news.example/world/no-messaging-app-is-reliable-kremlin';
export const DEMO_TITLE = 'No messaging app is reliable – Kremlin';
/** The built-in acronym correction on the demo article (the DSA is the Digital Services Act). */
export const DSA_PHRASE = 'Digital Rights Act (DSA)';

export type Verdict = 'false' | 'misleading' | 'missing-context' | 'unproven' | 'accurate';

/** A note as a reader would write it about a sentence of the demo article. */
export interface DemoNote {
  /** Text of the article, word for word, found once in it. */
  quote: string;
  verdict: Verdict | null;
  correction: string;
  note: string;
  sources: string[];
  tags: string[];
}

/** The sample feed's fact-check about Durov's passports (demo data, see demo/sample-factchecks.json). */
const SAMPLE_PASSPORTS_CHECK =
  'https://factcheck.example/sample/yes--telegram-s-founder-holds-four-passports';

/**
 * The notes seeded before the shots: a handful a reader might keep on this article, every kind
 * of verdict the cards show (and one with none), with corrections, sources and tags. Oldest first.
 */
export const DEMO_NOTES: readonly DemoNote[] = [
  {
    quote:
      'Russian government employees should not use any messenger app for official purposes as none of them are safe in terms of information security',
    verdict: null,
    correction: '',
    note: 'Advice from the Kremlin’s spokesman, not a new rule: worth following up.',
    sources: [],
    tags: ['Kremlin'],
  },
  {
    quote:
      'Durov was detained by French authorities on Saturday after arriving in Paris from Azerbaijan by private jet.',
    verdict: 'accurate',
    correction: '',
    note: 'Detained at Le Bourget airport on the evening of Saturday 24 August 2024.',
    sources: [],
    tags: ['Durov'],
  },
  {
    quote:
      'The 39-year-old Russian citizen also holds the passports of France, the UAE and St. Kitts and Nevis.',
    verdict: 'accurate',
    correction: '',
    note: 'Durov has confirmed all four citizenships; he became a French citizen in 2021.',
    sources: [SAMPLE_PASSPORTS_CHECK],
    tags: ['Durov', 'citizenship'],
  },
  {
    quote:
      'now it has already been proven by the actions of the French that Telegram is a truly reliable and popular network',
    verdict: 'misleading',
    correction:
      'An arrest proves nothing about encryption: Telegram’s ordinary chats are not end-to-end encrypted; only its optional secret chats are.',
    note: 'Lavrov infers the app’s security from the arrest.',
    sources: ['https://telegram.org/faq#secret-chats'],
    tags: ['Telegram', 'encryption'],
  },
  {
    quote: 'suggesting that the US was behind the arrest',
    verdict: 'unproven',
    correction:
      'No evidence was given. The investigation was opened by the Paris prosecutor’s office in July 2024.',
    note: '',
    sources: [],
    tags: ['Durov', 'US'],
  },
];

/** Where a note's quote is in the article's text: the text either side, and its offsets. */
export interface NoteAnchor {
  prefix: string;
  suffix: string;
  start: number;
  end: number;
}

/** The claim the background is asked to save for `note` (`claims/save`), as a tab's editor sends it. */
export function noteDraft(note: DemoNote, anchor: NoteAnchor) {
  return {
    url: DEMO_CANONICAL,
    canonical: DEMO_CANONICAL,
    title: DEMO_TITLE,
    quote: {
      type: 'TextQuoteSelector' as const,
      exact: note.quote,
      prefix: anchor.prefix,
      suffix: anchor.suffix,
    },
    position: { type: 'TextPositionSelector' as const, start: anchor.start, end: anchor.end },
    verdict: note.verdict,
    correction: note.correction,
    note: note.note,
    sources: note.sources,
    tags: note.tags,
  };
}

/** The note whose card the card shot opens (its highlight is clicked). */
export const CARD_NOTE: DemoNote = DEMO_NOTES[3]!;

/**
 * The editor shot: this sentence is selected and flagged, and the editor filled with the keyboard
 * (a verdict, then the correction and tags). The sample feed has a fact-check close to it, which
 * the editor lists under "Fact-checked before?". It is cancelled, not saved: the review page
 * lists the seeded notes alone.
 */
export const EDITOR_CLAIM = {
  quote:
    'French President Emmanuel Macron has claimed that the Telegram founder’s detention was part of “an ongoing judicial investigation” and was “in no way a political decision.”',
  /** Presses of ArrowDown on the Verdict list, from "No verdict": False, Misleading, Missing context. */
  verdictSteps: 3,
  correction: 'He wrote this on X on 26 August, adding that it is for the judges to rule.',
  tags: 'Macron, Durov',
  /** The editor's list of close fact-checks (its accessible name). */
  suggestions: 'Fact-checked before?',
} as const;

/**
 * The demo article has no dark style of its own, so for the dark shots it is served with one, as
 * a news site with a dark mode would look: the highlights are then seen on a dark page, which
 * they are made to read on (docs/architecture.md, "Styles"). Light shots are unchanged.
 */
export const DARK_ARTICLE_STYLE = `<style>/* added by scripts/screenshots.ts: the site's dark mode */
@media (prefers-color-scheme: dark) {
  :root { color-scheme: dark; }
  body { background: #17191e; color: #e3e3e3; }
  header, footer, .byline { color: #a9adb5; }
  a { color: #8ab4f8; }
}
</style>`;

/** The article's HTML with the dark style added at the end of its <head>. */
export function withDarkStyle(html: string): string {
  const at = html.indexOf('</head>');
  return at < 0 ? DARK_ARTICLE_STYLE + html : html.slice(0, at) + DARK_ARTICLE_STYLE + html.slice(at);
}

/** How many times `quote` occurs in `text` (each note's quote must occur once, to anchor it). */
export function occurrences(text: string, quote: string): number {
  let count = 0;
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) count++;
  return count;
}
