// A polite live region for what a screen reader would otherwise miss: a claim or rule deleted or
// saved makes its button disappear, with nothing said. The region is rendered (empty) before
// anything is announced, since a region inserted together with its text is often not read.
import { useCallback, useState } from 'preact/hooks';

export function useAnnouncer() {
  const [said, setSaid] = useState({ text: '', n: 0 });
  const announce = useCallback((text: string) => setSaid(({ n }) => ({ text, n: n + 1 })), []);
  // A new node for every announcement (keyed by its count): the same words twice are read twice.
  const region = (
    <p class="visually-hidden" role="status" aria-live="polite">
      {said.text && <span key={said.n}>{said.text}</span>}
    </p>
  );
  return { announce, region };
}
