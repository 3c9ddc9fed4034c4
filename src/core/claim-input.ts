// Turns what a reader typed into the editor's Sources and Tags fields into clean lists, with a
// message that says what to fix. Pure.
import { LIMITS } from './claim-schema';
import { plural, t } from './i18n/translate';
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
      return { ok: false, error: t('sources_error_credentials', { number: i + 1 }) };
    }
    if (!checked.ok) {
      return {
        ok: false,
        error: t('sources_error_not_web', { number: i + 1, text: clip(line) }),
      };
    }
    // Limits are written without grouping ("4096"), as they always were.
    if (line.length > LIMITS.url)
      return { ok: false, error: t('sources_error_too_long', { number: i + 1, max: String(LIMITS.url) }) };
  }
  if (lines.length > LIMITS.sources)
    return { ok: false, error: plural('sources_error_too_many', LIMITS.sources) };
  return { ok: true, value: [...new Set(lines)] };
}

/**
 * What separates tags: a comma, or the Arabic comma "،" an Arabic keyboard's comma key types (the
 * editor, the bulk tag field and anything else that reads tags all get it from here).
 */
const TAG_SEPARATOR = /[,\u060C]/;

/** Comma-separated tags, trimmed, without duplicates (case-insensitive), in the order given. */
export function parseTags(input: string): Parsed<string[]> {
  const seen = new Set<string>();
  const tags: string[] = [];
  for (const raw of input.split(TAG_SEPARATOR)) {
    const tag = raw.trim().replace(/\s+/g, ' ');
    if (!tag || seen.has(tag.toLowerCase())) continue;
    if (tag.length > LIMITS.tag)
      return { ok: false, error: t('tags_error_too_long', { tag: clip(tag), max: String(LIMITS.tag) }) };
    seen.add(tag.toLowerCase());
    tags.push(tag);
  }
  if (tags.length > LIMITS.tags) return { ok: false, error: plural('tags_error_too_many', LIMITS.tags) };
  return { ok: true, value: tags };
}

function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
