// Runs the content script once the page has a <body>. Most pages have one by document_idle, but
// an XHTML document, or a page whose script builds or swaps its body later, does not yet.

/** Calls `start` now if the document has a body, else once one appears (at most once). */
export function whenBodyExists(start: () => void): void {
  if (document.body) {
    start();
    return;
  }
  const observer = new MutationObserver(() => {
    if (!document.body) return;
    observer.disconnect();
    start();
  });
  // The body is a child of <html>; a page that replaces <html> itself is watched from the document.
  observer.observe(document, { childList: true, subtree: true });
}
