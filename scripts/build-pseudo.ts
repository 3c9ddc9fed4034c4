// `npm run build:pseudo`: the built extension with its English messages replaced by the
// pseudo-locale (src/core/i18n/pseudo-locale.ts) and no other language, so it shows pseudo text
// whatever the browser's language. Written next to the builds: .tmp/extension-pseudo (Chromium)
// and .tmp/extension-firefox-pseudo (Firefox). Run `node build.mjs` first.
import { cp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ChromeMessage } from '../src/core/i18n/catalog';
import { pseudoCatalog } from '../src/core/i18n/pseudo-locale';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));

/** The pseudo-locale copy of the built extension folder `from`, written to `to`. */
export async function writePseudoBuild(from: string, to: string): Promise<string> {
  await rm(to, { recursive: true, force: true });
  await cp(from, to, { recursive: true });
  const locales = join(to, '_locales');
  const english = JSON.parse(await readFile(join(locales, 'en', 'messages.json'), 'utf8')) as Record<
    string,
    ChromeMessage
  >;
  for (const locale of await readdir(locales))
    if (locale !== 'en') await rm(join(locales, locale), { recursive: true });
  await writeFile(
    join(locales, 'en', 'messages.json'),
    `${JSON.stringify(pseudoCatalog(english), null, 2)}\n`,
  );
  return to;
}

export const PSEUDO_BUILDS = {
  chromium: { from: join(ROOT, 'extension'), to: join(ROOT, '.tmp', 'extension-pseudo') },
  firefox: { from: join(ROOT, 'extension-firefox'), to: join(ROOT, '.tmp', 'extension-firefox-pseudo') },
} as const;

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  for (const { from, to } of Object.values(PSEUDO_BUILDS)) console.log(await writePseudoBuild(from, to));
}
