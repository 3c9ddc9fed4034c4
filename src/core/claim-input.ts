// Turns what a reader typed into the editor's Sources and Tags fields into clean lists, with a
// message that says what to fix. Pure.
import { LIMITS } from './claim-schema';
import { checkWebAddress } from './url/web-address';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** One source URL per line (blank lines ignored); each must follow the address policy (http or https). */
export function parseSources(input: string): Parsed<string[]> {
  const lines = input
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  for (const [i, line] of lines.entries()) {
    const checked = checkWebAddress(line);
    if (!checked.ok && checked.problem === 'credentials') {
      return { ok: false, error: `Source ${i + 1} has a user name or password in it: leave them out` };
    }
    if (!checked.ok) {
      return {
        ok: false,
        error: `Source ${i + 1} is not a web address: write it as https://… ("${clip(line)}")`,
      };
    }
    if (line.length > LIMITS.url)
      return { ok: false, error: `Source ${i + 1} is longer than ${LIMITS.url} characters` };
  }
  if (lines.length > LIMITS.sources) return { ok: false, error: `At most ${LIMITS.sources} sources` };
  return { ok: true, value: [...new Set(lines)] };
}

/** Comma-separated tags, trimmed, without duplicates (case-insensitive), in the order given. */
export function parseTags(input: string): Parsed<string[]> {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of input.split(',')) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (!tag || seen.has(tag.toLowerCase())) continue;
    if (tag.length > LIMITS.tag)
      return { ok: false, error: `Tag "${clip(tag)}" is longer than ${LIMITS.tag} characters` };
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  if (tags.length > LIMITS.tags) return { ok: false, error: `At most ${LIMITS.tags} tags` };
  return { ok: true, value: tags };
}

function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
