// Each note's related fact-check (a subscribed feed's fact-check its sources cite, or that its
// quote matches), asked of the background in batches of 1,000 and kept by claim id. The notes in
// view are asked about first; with `all` (the "has a related fact-check" filter), every note is,
// in the background of the page. A note edited since it was asked is asked again; a change to any
// list or feed (here, in the popup or the background) makes every answer stale.
import { Dexie, type ObservabilitySet } from 'dexie';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Claim } from '../core/model';
import type { FactmarkDb } from '../db/schema';
import { RELATED_LIMIT, type RelatedFactCheck } from '../messages';
import { request } from '../request';
import { messageOf } from './use-claim-feed';

interface Answer {
  /** The claim's `updated` when it was asked about. */
  updated: number;
  /** The lists' generation it was asked in. */
  generation: number;
  related: RelatedFactCheck | null;
}

export interface RelatedFactChecks {
  /** What is known so far, stale answers included (null: checked, none). */
  get(id: string): RelatedFactCheck | null;
  /** Every note asked for has an answer as of the lists now. */
  complete: boolean;
  checked: number;
  total: number;
  error: string;
  /** Changes whenever an answer arrives. */
  version: number;
}

export function useRelatedFactChecks(
  db: FactmarkDb,
  first: readonly Claim[],
  every: () => readonly Claim[],
  all: boolean,
  claimsVersion: number,
): RelatedFactChecks {
  const answers = useRef(new Map<string, Answer>());
  const [generation, setGeneration] = useState(0);
  const [state, setState] = useState({ version: 0, checked: 0, total: 0, complete: false, error: '' });

  // Lists and fact-checks written anywhere in the extension: ask again.
  useEffect(() => {
    const lists = [`idb://${db.name}/lists/`, `idb://${db.name}/factChecks/`];
    const onMutated = (parts: ObservabilitySet) => {
      if ('all' in parts || lists.some((prefix) => Object.keys(parts).some((key) => key.startsWith(prefix))))
        setGeneration((n) => n + 1);
    };
    Dexie.on('storagemutated', onMutated);
    return () => Dexie.on('storagemutated').unsubscribe(onMutated);
  }, [db]);

  useEffect(() => {
    let stopped = false;
    const wanted = all ? unique([...first, ...every()]) : first;
    const fresh = (claim: Claim) => {
      const answer = answers.current.get(claim.id);
      return answer !== undefined && answer.updated === claim.updated && answer.generation === generation;
    };
    const asked = wanted.filter((claim) => !fresh(claim));
    const total = wanted.length;
    let checked = total - asked.length;
    setState((s) => ({ ...s, checked, total, complete: asked.length === 0, error: '' }));
    void (async () => {
      try {
        // No feed switched on (most readers): every answer is none, without asking the background.
        const feeds =
          asked.length > 0 &&
          (await db.lists.filter((l) => l.kind === 'fact-checks' && l.enabled).count()) > 0;
        for (let start = 0; start < asked.length && !stopped; start += RELATED_LIMIT) {
          const batch = asked.slice(start, start + RELATED_LIMIT);
          const { related } = feeds
            ? await request('factchecks/related', { ids: batch.map((claim) => claim.id) })
            : { related: [] };
          // An answer that arrives after the view changed is kept all the same: it is still true.
          const byClaim = new Map(related.map((item) => [item.claimId, item]));
          for (const claim of batch) {
            const item = byClaim.get(claim.id) ?? null;
            const before = answers.current.get(claim.id)?.related;
            // The same fact-check keeps its object, so a row showing it does not re-render.
            const kept = before && item && sameRelated(before, item) ? before : item;
            answers.current.set(claim.id, { updated: claim.updated, generation, related: kept });
          }
          checked += batch.length;
          if (!stopped)
            setState((s) => ({ ...s, version: s.version + 1, checked, complete: checked >= total }));
        }
      } catch (error) {
        if (!stopped) setState((s) => ({ ...s, error: messageOf(error) }));
      }
    })();
    return () => {
      stopped = true;
    };
  }, [first, all, claimsVersion, generation]);

  return { ...state, get: (id) => answers.current.get(id)?.related ?? null };
}

function unique(claims: readonly Claim[]): Claim[] {
  const seen = new Set<string>();
  return claims.filter((claim) => !seen.has(claim.id) && seen.add(claim.id));
}

function sameRelated(a: RelatedFactCheck, b: RelatedFactCheck): boolean {
  return a.factCheck.id === b.factCheck.id && a.via === b.via && a.score === b.score;
}
