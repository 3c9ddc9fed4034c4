// Every saved claim, live: the newest few first (for a first screen at once), then all of them
// read in chunks into the search index; afterwards each write anywhere in the extension (this
// page, the popup, the background on behalf of a tab) re-reads just the claims it touched.
//
// Why not `liveQuery(() => db.claims.toArray())`: at 100,000 claims that re-reads (and
// deserialises on this page's main thread) the whole table after every single edit. Dexie's
// `storagemutated` event — the notice liveQuery itself is built on, sent across contexts over a
// BroadcastChannel — names the changed keys, so only those are read again.
import { Dexie, type ObservabilitySet } from 'dexie';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { Claim } from '../core/model';
import { SearchIndex } from '../core/search/search-index';
import { claimChanges } from '../db/changes';
import { loadAllClaims, recentClaims } from '../db/queries';
import type { FactmarkDb } from '../db/schema';

/** How many of the newest claims are shown while the rest load. */
export const FIRST_SCREEN = 60;

export interface ClaimFeed {
  index: SearchIndex;
  /** Changes whenever the index does; a dependency for anything computed from it. */
  version: number;
  /** 'first': only `recent` is known; 'ready': the index holds every claim. */
  phase: 'first' | 'ready' | 'failed';
  recent: Claim[];
  loaded: number;
  total: number;
  error: string;
}

export function useClaimFeed(db: FactmarkDb): ClaimFeed {
  const index = useMemo(() => new SearchIndex(), []);
  const [state, setState] = useState<Omit<ClaimFeed, 'index'>>({
    version: 0,
    phase: 'first',
    recent: [],
    loaded: 0,
    total: 0,
    error: '',
  });

  useEffect(() => {
    let stopped = false;
    let loading = true;
    let reloadAll = false;
    const pending = new Set<string>();
    // Changes are applied one batch after another, so an older read never overwrites a newer one.
    let queue = Promise.resolve();

    const publish = () => {
      if (!stopped) setState((s) => ({ ...s, version: index.version, phase: 'ready', total: index.size }));
    };

    // Indexed a chunk at a time as the chunks arrive, so the page never stops answering for the
    // seconds that indexing 100,000 claims takes in one go.
    const readAll = async () => {
      let loaded = 0;
      index.reset([]);
      await loadAllClaims(db, (claims) => {
        index.upsert(claims);
        loaded += claims.length;
        if (!stopped) setState((s) => ({ ...s, loaded, total: Math.max(s.total, loaded) }));
      });
    };

    const reread = async (ids: string[]) => {
      const claims = await db.claims.bulkGet(ids);
      const gone = ids.filter((_, i) => claims[i] === undefined);
      index.remove(gone);
      index.upsert(claims.filter((claim): claim is Claim => claim !== undefined));
    };

    const enqueue = (work: () => Promise<void>) => {
      queue = queue
        .then(work)
        .then(publish)
        .catch((error: unknown) => {
          if (!stopped) setState((s) => ({ ...s, error: messageOf(error) }));
        });
    };

    const onMutated = (parts: ObservabilitySet) => {
      const changes = claimChanges(parts, db.name);
      if (changes.kind === 'none') return;
      if (loading) {
        if (changes.kind === 'all') reloadAll = true;
        else for (const id of changes.ids) pending.add(id);
        return;
      }
      enqueue(changes.kind === 'all' ? readAll : () => reread(changes.ids));
    };
    Dexie.on('storagemutated', onMutated);

    enqueue(async () => {
      // The newest few first and alone: counting a large table is slower than reading 60 rows.
      const recent = await recentClaims(db, FIRST_SCREEN);
      if (!stopped) setState((s) => ({ ...s, recent }));
      // Let the first screen paint before the long read starts competing for the main thread.
      await afterPaint();
      void db.claims.count().then((total) => {
        if (!stopped) setState((s) => ({ ...s, total: Math.max(s.total, total) }));
      });
      await readAll();
      loading = false;
      if (reloadAll) await readAll();
      else if (pending.size > 0) await reread([...pending]);
    });
    queue
      .catch(() => undefined)
      .then(() => {
        if (loading && !stopped) setState((s) => ({ ...s, phase: 'failed' }));
      });

    return () => {
      stopped = true;
      Dexie.on('storagemutated').unsubscribe(onMutated);
    };
  }, [db, index]);

  return { ...state, index };
}

function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
