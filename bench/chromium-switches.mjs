// The Chromium switches every benchmark launches with: no background traffic, no first-run UI,
// and every host but 127.0.0.1 unresolvable, so only the pages the bench serves run.

export const CHROMIUM_SWITCHES = [
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];
