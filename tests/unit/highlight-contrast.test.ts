// Highlights stay readable on dark pages as on light ones: the highlight styles the manifest
// injects into every page (src/content/highlights.css, as shipped) keep the highlighted text at
// a contrast of at least 4.5:1 (WCAG 1.4.3) and their underlines at 3:1 (WCAG 1.4.11), over a
// light page and over dark ones. A highlight that paints a wash paints its own ink over it; one
// that does not leaves the page's text and colours alone.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { VERDICTS } from '../../src/core/model';

type Rgb = readonly [number, number, number, number];

/** Pages as readers see them: a light article and three dark themes (black, grey, slate). */
const PAGES: { name: string; background: Rgb; text: Rgb }[] = [
  { name: 'a light page', background: [255, 255, 255, 1], text: [34, 34, 34, 1] },
  { name: 'a black page', background: [0, 0, 0, 1], text: [255, 255, 255, 1] },
  { name: 'a dark grey page', background: [18, 18, 18, 1], text: [224, 224, 224, 1] },
  { name: 'a slate page', background: [15, 23, 42, 1], text: [203, 213, 225, 1] },
];

const css = readFileSync(new URL('../../src/content/highlights.css', import.meta.url), 'utf8');

/** Each `::highlight(name)` rule's declarations. */
const rules = new Map(
  [...css.matchAll(/::highlight\(([\w-]+)\)\s*\{([^}]*)\}/g)].map(([, name, body]) => [
    name!,
    new Map(
      [...body!.matchAll(/([\w-]+)\s*:\s*([^;]+);/g)].map(([, property, value]) => [
        property!,
        value!.trim(),
      ]),
    ),
  ]),
);

function rgb(value: string | undefined): Rgb | undefined {
  const match = value?.match(/rgb\((\d+) (\d+) (\d+)(?: \/ ([\d.]+))?\)/);
  if (!match) return undefined;
  return [Number(match[1]), Number(match[2]), Number(match[3]), match[4] ? Number(match[4]) : 1];
}

/** `top` painted over the opaque `bottom`. */
const over = (top: Rgb, bottom: Rgb): Rgb => [
  top[0] * top[3] + bottom[0] * (1 - top[3]),
  top[1] * top[3] + bottom[1] * (1 - top[3]),
  top[2] * top[3] + bottom[2] * (1 - top[3]),
  1,
];

/** WCAG 2 relative luminance and contrast ratio. */
function luminance([r, g, b]: Rgb): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}
function contrast(a: Rgb, b: Rgb): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

const names = [...VERDICTS, 'note', 'pulse', 'checkworthy', 'factchecked'].map((n) => `factmark-${n}`);

describe('highlights on light and dark pages', () => {
  it('styles every highlight Factmark paints', () => {
    expect([...rules.keys()].sort()).toEqual([...names].sort());
  });

  for (const name of names) {
    const rule = rules.get(name) ?? new Map<string, string>();
    const wash = rgb(rule.get('background-color'));
    const ink = rgb(rule.get('color'));
    const line = rgb(rule.get('text-decoration'));

    for (const page of PAGES) {
      const background = wash ? over(wash, page.background) : page.background;
      const text = ink ?? page.text;

      it(`keeps ${name}'s text at 4.5:1 or more on ${page.name}`, () => {
        expect(contrast(text, background)).toBeGreaterThanOrEqual(4.5);
      });

      if (line)
        it(`keeps ${name}'s underline at 3:1 or more against what is behind it on ${page.name}`, () => {
          expect(contrast(over(line, background), background)).toBeGreaterThanOrEqual(3);
        });
    }

    it(`${name} paints its own ink exactly when it paints a wash`, () => {
      expect(Boolean(ink)).toBe(Boolean(wash));
    });
  }
});
