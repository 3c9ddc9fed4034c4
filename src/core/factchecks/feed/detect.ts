// Which kind of text a feed is, told by its content (never its file name): a JSON document, JSON
// Lines, CSV, or none of these. Looks only at the first line or two, so a 200 MB feed is not
// parsed twice to find out. Pure.

export type FeedShape = 'json' | 'json-lines' | 'csv' | 'unknown';

/** `body` without its byte-order mark. */
export function feedShape(body: string): FeedShape {
  const start = body.search(/\S/);
  if (start === -1) return 'unknown';
  const lineEnd = nextLineEnd(body, start);
  const firstLine = body.slice(start, lineEnd);
  const first = body.charCodeAt(start);
  if (first === 0x5b /* [ */) return 'json';
  if (first === 0x7b /* { */) {
    // JSON Lines: the first line is a whole object and more follows; a pretty-printed or
    // one-line JSON document is not.
    const more = /\S/g;
    more.lastIndex = lineEnd;
    return more.test(body) && isJsonObject(firstLine) ? 'json-lines' : 'json';
  }
  return firstLine.includes(',') ? 'csv' : 'unknown';
}

function nextLineEnd(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  const cr = text.indexOf('\r', from);
  if (lf === -1) return cr === -1 ? text.length : cr;
  return cr === -1 ? lf : Math.min(lf, cr);
}

function isJsonObject(line: string): boolean {
  try {
    const value: unknown = JSON.parse(line);
    return typeof value === 'object' && value !== null && !Array.isArray(value);
  } catch {
    return false;
  }
}
