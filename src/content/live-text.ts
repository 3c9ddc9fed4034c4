// The page's text index, kept current: built once in slices, then patched from the watcher's
// mutation records. Consumers (saved claims, corrections) are told of each patch's edits, so they
// move what they found and re-scan only the edited text.
import type { Edit } from '../core/text';
import type { Slicer } from './slices';
import { TextIndex } from './text-index';
import type { PageWatch } from './watch';

export class LiveText {
  private index: TextIndex;
  /** Records that came while a build was running, applied once it ends. */
  private queued: MutationRecord[] = [];
  private building = false;
  /** Whether the index reflects the page (false after a build was cancelled half-way). */
  private complete = false;
  watch: PageWatch | null = null;
  /** Called once for each open shadow root the index reads (to style highlights inside it). */
  onShadowRoot: (root: ShadowRoot) => void = () => undefined;
  private seenRoots = new WeakSet<ShadowRoot>();

  constructor(private readonly root: () => Node) {
    this.index = TextIndex.build(root().ownerDocument!.createDocumentFragment());
  }

  get current(): TextIndex {
    return this.index;
  }

  get isBuilding(): boolean {
    return this.building;
  }

  /** Indexes the whole page again, in slices; then applies the changes that came meanwhile. */
  async rebuild(slicer: Slicer): Promise<Edit[] | null> {
    this.building = true;
    this.complete = false;
    this.queued = [];
    try {
      this.index = await TextIndex.buildInSlices(this.root(), slicer);
    } finally {
      this.building = false;
    }
    this.complete = true;
    this.observeShadowRoots();
    const queued = this.queued;
    this.queued = [];
    return queued.length > 0 ? this.patch(queued) : [];
  }

  /**
   * Patches the index with mutation records and answers its edits; null when the caller must
   * rebuild instead (too many changes at once, or no complete index to patch); [] while a build
   * runs (the records are kept for its end).
   */
  patch(records: readonly MutationRecord[]): Edit[] | null {
    if (this.building) {
      this.queued.push(...records);
      return [];
    }
    if (!this.complete) return null;
    const edits = this.index.patch(records);
    this.observeShadowRoots();
    return edits;
  }

  /** Applies the records the watcher has not handed over yet (before reading offsets). */
  flush(): Edit[] | null {
    const records = this.watch?.takePending() ?? [];
    return records.length > 0 ? this.patch(records) : [];
  }

  private observeShadowRoots(): void {
    for (const root of this.index.shadowRoots) {
      if (this.seenRoots.has(root)) continue;
      this.seenRoots.add(root);
      this.watch?.observe(root);
      this.onShadowRoot(root);
    }
  }
}
