// Writes a zip whose bytes depend only on the files given: same names and contents, same zip.
// fflate is pure JavaScript at a pinned version, so its deflate output does not change with the
// zlib that a given Node release bundles.
import { type Zippable, zipSync } from 'fflate';

/**
 * Every entry's modification time: 1980-01-01 12:00. DOS zip times are local wall-clock fields,
 * and fflate reads them with Date's local getters, so the date is made from local fields (not an
 * instant), anew each time in case the zone has changed, to give the same bytes in every time
 * zone; noon, because no zone changes its clocks then.
 */
const fixedMtime = () => new Date(1980, 0, 1, 12, 0, 0);

/** Unix (os 3), a regular file readable by all and writable by its owner: -rw-r--r--. */
const UNIX = 3;
const REGULAR_FILE_644 = (0o100644 << 16) >>> 0;

/** A zip of `files` (zip path → contents), entries in byte order of their paths, no directory entries. */
export function deterministicZip(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const names = [...files.keys()].sort(byCodeUnit);
  const entries: Zippable = {};
  const mtime = fixedMtime();
  for (const name of names) {
    if (name.startsWith('/') || name.split('/').includes('..') || name.includes('\\'))
      throw new Error(`not a relative zip path: ${name}`);
    entries[name] = [files.get(name)!, { mtime, os: UNIX, attrs: REGULAR_FILE_644 }];
  }
  return zipSync(entries, { level: 9 });
}

/** Locale-independent order (localeCompare would depend on the machine's locale). */
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
