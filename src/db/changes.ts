// Which claims changed, from Dexie's `storagemutated` notice (fired for writes in this page and,
// over a BroadcastChannel, in the background and other extension pages — the event liveQuery is
// built on). Pure: reads the notice's documented shape, `idb://<db>/<table>/` → primary keys.
import type { IntervalTree, IntervalTreeNode, ObservabilitySet } from 'dexie';

/** The claims to read again; or 'all' when the notice names a range rather than keys. */
export type ClaimChanges = { kind: 'none' } | { kind: 'ids'; ids: string[] } | { kind: 'all' };

export function claimChanges(parts: ObservabilitySet, dbName: string, table = 'claims'): ClaimChanges {
  // Dexie sends `all` when the page comes back from the back-forward cache: anything may differ.
  if ('all' in parts) return { kind: 'all' };
  const ids = new Set<string>();
  for (const part of [`idb://${dbName}/${table}/`, `idb://${dbName}/${table}/:dels`]) {
    const tree = parts[part];
    if (!tree) continue;
    if (!collectKeys(tree, ids)) return { kind: 'all' };
  }
  return ids.size > 0 ? { kind: 'ids', ids: [...ids] } : { kind: 'none' };
}

/** Adds the tree's single keys to `ids`; false when it holds a range of keys. */
function collectKeys(tree: IntervalTree, ids: Set<string>): boolean {
  const stack: IntervalTreeNode[] = [];
  if ('from' in tree) stack.push(tree);
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (typeof node.from !== 'string' || node.from !== node.to) return false;
    ids.add(node.from);
    if (node.l) stack.push(node.l);
    if (node.r) stack.push(node.r);
  }
  return true;
}
