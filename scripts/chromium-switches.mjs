// The Chromium switches every headless Chromium we drive starts with — the benchmarks, the
// end-to-end tests (tests/e2e/support/browsers.ts) and `npm run screenshots`: no background
// traffic, no first-run UI, and every host but 127.0.0.1 unresolvable, so only the pages we serve
// run and outside hosts fail fast. Each adds its own (the extension to load, …).

export const CHROMIUM_SWITCHES = [
  ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
];
