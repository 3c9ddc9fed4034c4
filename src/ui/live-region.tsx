// A polite live region for what a screen reader would otherwise miss: a claim saved or deleted
// makes its editor or button disappear, with nothing said. The region is rendered (empty) before
// anything is announced, since a region inserted together with its text is often not read; each
// announcement is a new node (keyed by its number), so the same words twice are read twice.
import type { JSX } from 'preact';

/** What the region says: the text, numbered; '' for nothing. */
export interface Announcement {
  text: string;
  n: number;
}

export const SILENT: Announcement = { text: '', n: 0 };

/** The next announcement after `last`. */
export function nextAnnouncement(last: Announcement, text: string): Announcement {
  return { text, n: last.n + 1 };
}

export function LiveRegion({
  said,
  ...attributes
}: { said: Announcement } & Omit<JSX.HTMLAttributes<HTMLDivElement>, 'role'>) {
  return (
    <div {...attributes} role="status" aria-live="polite">
      {said.text && <span key={said.n}>{said.text}</span>}
    </div>
  );
}
