// The popup's announcements (a claim or rule saved or deleted), in a live region it renders.
import { useCallback, useState } from 'preact/hooks';
import { type Announcement, LiveRegion, nextAnnouncement, SILENT } from '../ui/live-region';

export function useAnnouncer() {
  const [said, setSaid] = useState<Announcement>(SILENT);
  const announce = useCallback((text: string) => setSaid((last) => nextAnnouncement(last, text)), []);
  return { announce, region: <LiveRegion said={said} class="visually-hidden" /> };
}
