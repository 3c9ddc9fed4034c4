// What a reader types into a Tags field (the editor, the review page's bulk tag) becomes a clean
// list of tags (src/core/claim-input.ts), whichever comma their keyboard types.
import { describe, expect, it } from 'vitest';
import { parseTags } from '../../src/core/claim-input';
import { LIMITS } from '../../src/core/claim-schema';

describe('parseTags', () => {
  it('splits at commas, trims, and folds runs of spaces', () => {
    expect(parseTags(' energy ,  wind   power,,')).toEqual({ ok: true, value: ['energy', 'wind power'] });
  });

  it('takes the Arabic comma an Arabic keyboard types as a separator too', () => {
    expect(parseTags('طاقة، رياح،energy')).toEqual({ ok: true, value: ['طاقة', 'رياح', 'energy'] });
  });

  it('treats both commas alike in one field', () => {
    expect(parseTags('a، b, c')).toEqual({ ok: true, value: ['a', 'b', 'c'] });
  });

  it('keeps the first of two tags that differ only in case', () => {
    expect(parseTags('Energy, energy, ENERGY')).toEqual({ ok: true, value: ['Energy'] });
  });

  it('gives nothing for an empty field', () => {
    expect(parseTags('  ,، ')).toEqual({ ok: true, value: [] });
  });

  it('refuses a tag longer than the limit, naming it', () => {
    const parsed = parseTags(`ok, ${'x'.repeat(LIMITS.tag + 1)}`);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toContain('xxxx');
  });

  it('refuses more tags than the limit', () => {
    const many = Array.from({ length: LIMITS.tags + 1 }, (_, i) => `t${i}`).join('، ');
    expect(parseTags(many).ok).toBe(false);
  });
});
