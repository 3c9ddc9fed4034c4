// Saving an edit (the in-page card, the popup, the review page) sends one draft: the saved claim's
// id, page and anchor with the reader's new fields. The background saves it over the same claim.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { ClaimDraftSchema, editDraft } from '../../src/core/claim-schema';
import { makeClaim } from './support/claims';

const fields = {
  verdict: 'false' as const,
  correction: 'Seven votes to four.',
  note: 'Read the minutes.',
  sources: ['https://council.example/minutes'],
  tags: ['budget'],
};

describe('the draft an edit saves', () => {
  it("keeps the claim's id, page and anchor and takes the new fields, and the save schema accepts it", () => {
    const claim = makeClaim({ canonical: 'https://news.example/canonical', found: true, checked: 5 });
    const draft = editDraft(claim, fields);
    expect(draft).toEqual({
      id: claim.id,
      url: claim.url,
      canonical: 'https://news.example/canonical',
      title: claim.title,
      quote: claim.quote,
      position: claim.position,
      ...fields,
    });
    expect(v.safeParse(ClaimDraftSchema, draft).success).toBe(true);
  });

  it('leaves out a canonical address the page never declared (the schema has no empty one)', () => {
    const draft = editDraft(makeClaim(), fields);
    expect('canonical' in draft).toBe(false);
    expect(v.safeParse(ClaimDraftSchema, draft).success).toBe(true);
  });
});
