// Which article this is: its URL, the canonical URL it declares, and a title for the notes list.

export interface PageIdentity {
  url: string;
  canonical?: string;
  title: string;
}

export function readPageIdentity(doc: Document = document): PageIdentity {
  const link = doc.querySelector<HTMLLinkElement>('link[rel~="canonical" i][href]');
  let canonical: string | undefined;
  if (link) {
    try {
      const resolved = new URL(link.getAttribute('href') ?? '', doc.baseURI);
      if (resolved.protocol === 'http:' || resolved.protocol === 'https:') canonical = resolved.href;
    } catch {
      // A malformed canonical link is the page's problem; fall back to the URL alone.
    }
  }
  const ogTitle = doc.querySelector<HTMLMetaElement>('meta[property="og:title"]')?.content;
  const title = (doc.title || ogTitle || doc.location.hostname).trim().slice(0, 1000);
  return { url: doc.location.href, ...(canonical ? { canonical } : {}), title };
}
