// Feature extraction for the check-worthy claim detector. Pure: no DOM, no Node APIs.
//
// A sentence is described by
//  - lexical n-grams: lower-cased word unigrams and bigrams, with numbers folded to `<num>` /
//    `<year>` so that "$ <num> billion" generalises, and a `<s>` marker for how a sentence opens;
//  - dense cues (`CUE_NAMES`): numbers and units, money, percentages, years, a capitalised-word
//    proxy for named entities, comparatives and superlatives, attribution verbs, tense, promises,
//    cause and effect, questions, first/second person, opinion hedges, length;
//  - context: the same cues for the previous and the next sentence, and the sentence's position
//    in the document.
// Training (scripts/train-claims.ts) and scoring (score.ts) both go through `extractDocument`, so
// the features a model was trained on are exactly the ones it sees at run time.

/** Lower-cased word tokens, numbers folded to `<num>` / `<year>`. */
export function tokenize(sentence: string): string[] {
  const out = normalise(sentence).toLowerCase().match(TOKEN_RE) ?? [];
  for (let i = 0; i < out.length; i++) {
    const t = out[i] ?? '';
    const c = t.charCodeAt(0);
    if (c >= 48 && c <= 57) out[i] = YEAR_RE.test(t) ? '<year>' : '<num>';
  }
  return out;
}

/**
 * Calls `f(prev, word)` for each word of a sentence, `prev` being the word before it (`<s>` at the
 * start, `?` after a question mark; question marks are not words). Unigram `word` and bigram
 * `prev word` are the sentence's n-grams.
 */
export function forEachNgram(tokens: readonly string[], f: (prev: string, word: string) => void): void {
  let prev = '<s>';
  for (const t of tokens) {
    if (t === '?') {
      prev = t;
      continue;
    }
    f(prev, t);
    prev = t;
  }
}

/** Word unigrams and bigrams (bigrams joined by a space; the first bigram starts with `<s>`). */
export function ngrams(tokens: readonly string[]): string[] {
  const out: string[] = [];
  forEachNgram(tokens, (prev, t) => {
    out.push(t);
    out.push(`${prev} ${t}`);
  });
  return out;
}

/** Names of the per-sentence cues, in the order `sentenceCues` returns them. */
export const CUE_NAMES = [
  'number',
  'numberCount',
  'scaleWord',
  'percent',
  'money',
  'year',
  'unit',
  'entity',
  'entityCount',
  'comparative',
  'superlative',
  'attribution',
  'past',
  'presentPerfect',
  'future',
  'promise',
  'causal',
  'question',
  'firstPerson',
  'secondPerson',
  'opinion',
  'negation',
  'length',
  'short',
  'stageDirection',
  'numberStatement',
  'pastStatement',
  'youDid',
  'namedPast',
] as const;
export type CueName = (typeof CUE_NAMES)[number];
export type Cues = Record<CueName, number>;

/** Names of the context features appended after the cues of the sentence and its neighbours. */
const POSITION_NAMES = ['position', 'first', 'last'] as const;

/** Names of all dense features, in vector order: own cues, `prev:` cues, `next:` cues, position. */
export const DENSE_NAMES: readonly string[] = [
  ...CUE_NAMES,
  ...CUE_NAMES.map((n) => `prev:${n}`),
  ...CUE_NAMES.map((n) => `next:${n}`),
  ...POSITION_NAMES,
];

const CUE_COUNT = CUE_NAMES.length;

/** Features of one sentence in its document. */
export interface SentenceFeatures {
  /** Unique n-grams of the sentence, in order of first occurrence. */
  ngrams: string[];
  /** Dense feature vector, `DENSE_NAMES.length` long. */
  dense: number[];
}

/** Features of every sentence of a document, in document order (neighbours matter). */
export function extractDocument(sentences: readonly string[]): SentenceFeatures[] {
  const tokens = sentences.map(tokenize);
  const dense = denseVectors(sentences, tokens);
  return tokens.map((t, i) => ({ ngrams: [...new Set(ngrams(t))], dense: dense[i] ?? [] }));
}

/**
 * Dense feature vectors (`DENSE_NAMES` order) of every sentence of a document: its cues, its
 * neighbours' cues (zeros beyond the ends) and its position. `tokens[i]` is `tokenize(sentences[i])`.
 */
export function denseVectors(
  sentences: readonly string[],
  tokens: readonly (readonly string[])[],
): number[][] {
  const vecs = sentences.map((s, i) => cueValues(s, tokens[i] ?? tokenize(s)));
  const n = sentences.length;
  const zero = new Array<number>(CUE_COUNT).fill(0);
  return vecs.map((own, i) => {
    const dense = new Array<number>(DENSE_NAMES.length);
    const prev = vecs[i - 1] ?? zero;
    const next = vecs[i + 1] ?? zero;
    for (let k = 0; k < CUE_COUNT; k++) {
      dense[k] = own[k] ?? 0;
      dense[CUE_COUNT + k] = prev[k] ?? 0;
      dense[2 * CUE_COUNT + k] = next[k] ?? 0;
    }
    dense[3 * CUE_COUNT] = n > 1 ? i / (n - 1) : 0;
    dense[3 * CUE_COUNT + 1] = i === 0 ? 1 : 0;
    dense[3 * CUE_COUNT + 2] = i === n - 1 ? 1 : 0;
    return dense;
  });
}

/**
 * The dense part of each sentence's linear score, `weights · denseVectors(...)[i]` for every i,
 * without building the vectors (the scorer's fast path; same layout as `denseVectors`).
 * `cues[i]` is `cueValues(sentences[i], tokens[i])`; `weights` is in `DENSE_NAMES` order.
 */
export function denseScores(cues: readonly (readonly number[])[], weights: ArrayLike<number>): number[] {
  const n = cues.length;
  const own = new Array<number>(n);
  const asPrev = new Array<number>(n);
  const asNext = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const v = cues[i] ?? [];
    let a = 0;
    let b = 0;
    let c = 0;
    for (let k = 0; k < CUE_COUNT; k++) {
      const x = v[k] ?? 0;
      if (x === 0) continue;
      a += (weights[k] ?? 0) * x;
      b += (weights[CUE_COUNT + k] ?? 0) * x;
      c += (weights[2 * CUE_COUNT + k] ?? 0) * x;
    }
    own[i] = a;
    asPrev[i] = b;
    asNext[i] = c;
  }
  const wPos = weights[3 * CUE_COUNT] ?? 0;
  const wFirst = weights[3 * CUE_COUNT + 1] ?? 0;
  const wLast = weights[3 * CUE_COUNT + 2] ?? 0;
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    let z = (own[i] ?? 0) + (i > 0 ? (asPrev[i - 1] ?? 0) : 0) + (i < n - 1 ? (asNext[i + 1] ?? 0) : 0);
    z += wPos * (n > 1 ? i / (n - 1) : 0);
    if (i === 0) z += wFirst;
    if (i === n - 1) z += wLast;
    out[i] = z;
  }
  return out;
}

/** Cues of one sentence, by name (see `cueValues`). */
export function sentenceCues(sentence: string, tokens: readonly string[] = tokenize(sentence)): Cues {
  const v = cueValues(sentence, tokens);
  const out = {} as Cues;
  CUE_NAMES.forEach((name, k) => {
    out[name] = v[k] ?? 0;
  });
  return out;
}

/**
 * Cues of one sentence, in `CUE_NAMES` order. Binary cues are 0 or 1; counts are log-scaled
 * (`log1p`) so that they stay in the same range as the binary ones.
 */
export function cueValues(sentence: string, tokens: readonly string[]): number[] {
  let numbers = 0;
  let scale = 0;
  let percent = 0;
  let money = 0;
  let year = 0;
  let unit = 0;
  let comparative = 0;
  let superlative = 0;
  let attribution = 0;
  let past = 0;
  let presentPerfect = 0;
  let future = 0;
  let promise = 0;
  let causal = 0;
  let first = 0;
  let second = 0;
  let opinion = 0;
  let negation = 0;
  let words = 0;

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] ?? '';
    const f = LEXICON.get(t) ?? 0;
    if (t === '<num>') numbers++;
    else if (t === '<year>') {
      numbers++;
      year = 1;
    } else if (t === '%') percent = 1;
    else if (t === '$' || t === '€' || t === '£') money = 1;
    if (t !== '?' && t !== '%' && t !== '$' && t !== '€' && t !== '£') words++;
    if (f === 0) {
      // Not a listed word: only the suffix rules below can apply.
      const n = t.length;
      if (n > 4 && t.endsWith('ed')) past++;
      else if (n > 5 && t.endsWith('est')) superlative = 1;
      else if (n > 3 && t.indexOf("'") >= 0) {
        if (t.endsWith("n't")) negation = 1;
        else if (t.endsWith("'ll")) future++;
        else if (t.endsWith("'ve") && isParticiple(tokens[i + 1] ?? '')) presentPerfect = 1;
      }
      continue;
    }

    const next = tokens[i + 1] ?? '';
    const prev = tokens[i - 1] ?? '';
    if (f & SCALE) scale++;
    if (t === 'percent' || t === 'percentage' || (t === 'per' && next === 'cent')) percent = 1;
    if (f & MONEY) money = 1;
    if (f & UNIT) unit = 1;

    if (t === 'than' || f & COMPARATIVE) comparative = 1;
    if (f & SUPERLATIVE || (t.length > 5 && t.endsWith('est') && !(f & NOT_SUPERLATIVE))) superlative = 1;
    if (t === 'ever' && (prev === 'than' || superlative === 1)) superlative = 1;

    if (f & ATTRIBUTION) attribution = 1;
    if (t === 'according' && next === 'to') attribution = 1;

    if (f & PAST || (t.length > 4 && t.endsWith('ed') && !(f & NOT_PAST))) past++;
    if ((t === 'have' || t === 'has' || t.endsWith("'ve")) && isParticiple(next)) presentPerfect = 1;
    if (t === 'will' || t.endsWith("'ll") || t === 'gonna' || t === "won't") future++;
    if (t === 'going' && next === 'to') future++;
    if (f & PROMISE) promise = 1;
    if (f & CAUSAL) causal = 1;
    if ((t === 'due' || t === 'thanks' || t === 'led' || t === 'leads' || t === 'lead') && next === 'to')
      causal = 1;
    if (t === 'result' && (prev === 'a' || next === 'of')) causal = 1;

    if (f & FIRST_PERSON) first++;
    if (f & SECOND_PERSON) second++;
    if (f & OPINION) opinion = 1;
    if (t === 'not' || t === 'no' || t === 'never' || t.endsWith("n't")) negation = 1;
  }
  if (future > 0 && (first > 0 || promise === 1)) promise = 1;

  const entities = countEntities(sentence);
  const trimmed = sentence.trim();
  const stage = /^[([][^)\]]*[)\]]\.?$/.test(trimmed) ? 1 : 0;
  const asks = trimmed.endsWith('?');
  // In CUE_NAMES order.
  return [
    numbers > 0 || scale > 0 ? 1 : 0, // number
    Math.log1p(numbers + scale), // numberCount
    scale > 0 ? 1 : 0, // scaleWord
    percent, // percent
    money, // money
    year, // year
    unit, // unit
    entities > 0 ? 1 : 0, // entity
    Math.log1p(entities), // entityCount
    comparative, // comparative
    superlative, // superlative
    attribution, // attribution
    Math.log1p(past), // past
    presentPerfect, // presentPerfect
    Math.log1p(future), // future
    promise, // promise
    causal, // causal
    asks ? 1 : 0, // question
    Math.log1p(first), // firstPerson
    Math.log1p(second), // secondPerson
    opinion, // opinion
    negation, // negation
    Math.log1p(words) / 4, // length
    words < 5 ? 1 : 0, // short
    stage, // stageDirection
    (numbers > 0 || scale > 0) && !asks ? 1 : 0, // numberStatement
    past > 0 && !asks && opinion === 0 ? 1 : 0, // pastStatement
    second > 0 && (past > 0 || presentPerfect === 1) ? 1 : 0, // youDid
    entities > 0 && past > 0 ? 1 : 0, // namedPast
  ];
}

/**
 * Named-entity proxy: capitalised words (or acronyms) that do not open the sentence, are not
 * "I" and are not sentence-initial after a colon or quote.
 */
export function countEntities(sentence: string): number {
  let count = 0;
  let index = 0;
  for (const m of normalise(sentence).matchAll(CAP_WORD_RE)) {
    const w = m[0];
    const at = m.index ?? 0;
    const before = sentence.slice(Math.max(0, at - 2), at);
    if (index++ === 0 && /^[^A-Za-z0-9]*$/.test(sentence.slice(0, at))) continue;
    if (/[.:!?"“]\s*$/.test(before)) continue;
    if (NOT_ENTITY.has(w)) continue;
    count++;
  }
  return count;
}

function isParticiple(t: string): boolean {
  return t === 'been' || (t.length > 3 && t.endsWith('ed')) || ((LEXICON.get(t) ?? 0) & PARTICIPLE) !== 0;
}

function normalise(s: string): string {
  return CURLY_RE.test(s) ? s.replace(CURLY_ALL_RE, "'") : s;
}

const CURLY_RE = /[\u2018\u2019\u02bc]/;
const CURLY_ALL_RE = /[\u2018\u2019\u02bc]/g;

const TOKEN_RE = /[a-z]+(?:'[a-z]+)*|\d+(?:[.,]\d+)*|[$%€£?]/g;
const YEAR_RE = /^(?:1[89]|20)\d\d$/;
const CAP_WORD_RE = /\b[A-Z][A-Za-z'-]*/g;

const NOT_ENTITY = new Set(['I', "I'm", "I've", "I'll", "I'd", 'OK', 'Okay', 'Mr', 'Mrs', 'Ms', 'Dr']);
// Word classes, as bits of one lexicon lookup per token.
const SCALE = 1 << 0;
const MONEY = 1 << 1;
const UNIT = 1 << 2;
const COMPARATIVE = 1 << 3;
const SUPERLATIVE = 1 << 4;
const NOT_SUPERLATIVE = 1 << 5;
const ATTRIBUTION = 1 << 6;
const PAST = 1 << 7;
const NOT_PAST = 1 << 8;
const PARTICIPLE = 1 << 9;
const PROMISE = 1 << 10;
const CAUSAL = 1 << 11;
const FIRST_PERSON = 1 << 12;
const SECOND_PERSON = 1 << 13;
const OPINION = 1 << 14;
/** Words that a rule in `cueValues` looks at by name. */
const NAMED = 1 << 15;
const LEXICON = new Map<string, number>();
function words(bit: number, list: string): void {
  for (const w of list.split(' ')) LEXICON.set(w, (LEXICON.get(w) ?? 0) | bit);
}
words(
  SCALE,
  'hundred hundreds thousand thousands million millions billion billions trillion trillions dozen dozens half twice double doubled tripled quadrupled fold',
);
words(
  MONEY,
  'dollar dollars cents euros pounds budget deficit debt taxes tax spending spent cost costs paid pay wage wages',
);
words(
  UNIT,
  'percent miles mile km kilometers tons acres barrels years months weeks days hours people jobs times degrees',
);
words(
  COMPARATIVE,
  'more less fewer higher lower bigger smaller larger greater better worse faster slower increase increased decrease decreased doubled tripled rose risen fell fallen dropped up down compared cheaper richer poorer longer shorter',
);
words(
  SUPERLATIVE,
  'most least best worst record first only single largest biggest highest lowest fastest greatest smallest',
);
words(
  NOT_SUPERLATIVE,
  'interest interested honest forest suggest request protest contest manifest harvest arrest invest modest digest earnest interests dishonest divest',
);
words(
  ATTRIBUTION,
  'said says claimed claims claim told reported reports announced stated admitted wrote tweeted testified insisted called acknowledged confirmed denied warned estimated estimates found study studies report survey poll polls experts statistics',
);
words(
  PAST,
  'was were had did went got made gave took came said told left lost won sent paid spent built sold brought bought became began grew rose fell wrote voted ago',
);
words(
  NOT_PAST,
  'need indeed speed seed proceed succeed exceed united hundred hundreds interested concerned supposed called based',
);
words(
  PARTICIPLE,
  'done made gone given taken seen known shown grown lost won paid spent built sold had got gotten said brought',
);
words(
  PROMISE,
  'promise promised promises pledge pledged vow vowed guarantee commit committed plan plans propose proposed intend',
);
words(
  CAUSAL,
  'because cause caused causes causing therefore hence consequently resulted resulting results responsible blame blamed created killed destroyed effect impact since',
);
words(FIRST_PERSON, "i me my mine i'm i've i'll i'd we us our we're we've we'll we'd ours myself ourselves");
words(SECOND_PERSON, "you your yours you're you've you'll you'd yourself");
words(NAMED, 'than per ever have has will due led lead leads not no never percent percentage according');
words(NAMED, "going gonna won't result thanks");
words(
  OPINION,
  'think believe feel hope want wish guess maybe perhaps should must thank please great wonderful love terrible',
);
