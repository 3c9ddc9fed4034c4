// What the tab's same-origin frames found, as the top frame hears it (`tab/frame-report`, passed on
// by the background with the frame id the browser gave it). The top frame speaks for the tab: a
// claim found in any of its frames is found on the page. Not for frames' highlights, which each
// frame paints itself.

interface Report {
  /** The frame's address when it reported: a frame that navigated or went away no longer counts. */
  frame: string;
  found: ReadonlySet<string>;
}

export class FrameReports {
  private reports = new Map<number, Report>();

  /** A frame's latest report replaces its earlier one; one that found nothing is forgotten. */
  record(frameId: number, frame: string, found: readonly string[]): void {
    if (found.length === 0) this.reports.delete(frameId);
    else this.reports.set(frameId, { frame, found: new Set(found) });
  }

  /** Ids found in frames still showing the page they reported from (`present`: their addresses). */
  found(present: ReadonlySet<string>): Set<string> {
    const out = new Set<string>();
    for (const [frameId, report] of this.reports) {
      if (!present.has(report.frame)) {
        this.reports.delete(frameId);
        continue;
      }
      for (const id of report.found) out.add(id);
    }
    return out;
  }
}

/** The addresses of the same-origin frames inside `win`, at any depth (others cannot be read). */
export function sameOriginFrames(win: Window, out = new Set<string>()): Set<string> {
  for (let i = 0; i < win.frames.length; i++) {
    const frame = win.frames[i];
    if (!frame) continue;
    try {
      out.add(frame.location.href);
    } catch {
      // A cross-origin frame: Factmark does not run there (it may in a same-origin frame inside).
    }
    sameOriginFrames(frame, out);
  }
  return out;
}
