// Makes the store packages in dist/ (or --out DIR), each named with package.json's version:
//   factmark-VERSION-chromium.zip  the Chrome Web Store upload: extension/
//   factmark-VERSION-firefox.xpi   the addons.mozilla.org upload: extension-firefox/
//   factmark-VERSION-source.zip    the source AMO's reviewers rebuild the bundles from (BUILD.md)
// It builds first, so the packages match the source. Reproducible: the same commit gives the same
// bytes (see package-zip.ts). The .xpi is zipped here rather than by `web-ext build`, whose zips
// take each file's time from the clock, so no two builds of it are alike.
//
// Usage: tsx scripts/package.ts [--out DIR] [--no-build]   (npm run package)
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionFiles, sourceFiles, uncommittedSourceChanges } from './package-files';
import { deterministicZip } from './package-zip';
import { runAsScript } from './stdin-text';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface PackageOptions {
  /** The repository to package (its top folder). */
  root?: string;
  /** Where the packages are written; made if missing. */
  outDir?: string;
  /** Run build.mjs first. Only skip it when extension/ was just built from this source. */
  build?: boolean;
}

export interface Packages {
  version: string;
  chromium: string;
  firefox: string;
  source: string;
  /** How the source package's file list was made: 'git ls-files' or 'fixed list'. */
  sourceListFrom: string;
}

/** Builds (unless told not to) and writes the three packages; returns their paths. */
export function makePackages({
  root = REPO_ROOT,
  outDir = join(root, 'dist'),
  build = true,
}: PackageOptions = {}): Packages {
  if (build) execFileSync(process.execPath, ['build.mjs'], { cwd: root, stdio: 'inherit' });
  const version = readVersion(root);
  const { files, from } = sourceFiles(root);

  const folder = (dir: string) => readFiles(join(root, dir), extensionFiles(join(root, dir)));
  const source = readFiles(root, files);
  // Reviewers look for the instructions at the top; store/ itself is not part of the build.
  source.set('BUILD.md', readFileSync(join(root, 'store', 'BUILD.md')));

  mkdirSync(outDir, { recursive: true });
  const name = (suffix: string) => join(outDir, `factmark-${version}-${suffix}`);
  const packages = {
    version,
    chromium: name('chromium.zip'),
    firefox: name('firefox.xpi'),
    source: name('source.zip'),
    sourceListFrom: from,
  };
  writeFileSync(packages.chromium, deterministicZip(folder('extension')));
  writeFileSync(packages.firefox, deterministicZip(folder('extension-firefox')));
  writeFileSync(packages.source, deterministicZip(source));
  return packages;
}

/** package.json's version, which the manifest must state too: the stores read the manifest's. */
function readVersion(root: string): string {
  const json = (file: string) => JSON.parse(readFileSync(join(root, file), 'utf8')) as { version: string };
  const { version } = json('package.json');
  const built = json('extension/manifest.json').version;
  if (built !== version)
    throw new Error(
      `package.json says version ${version}, the built manifest.json ${built}: make them agree`,
    );
  return version;
}

function readFiles(dir: string, paths: readonly string[]): Map<string, Uint8Array> {
  return new Map(paths.map((path) => [path, readFileSync(join(dir, path))]));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const out = args.indexOf('--out');
  const packages = makePackages({
    outDir: out >= 0 && args[out + 1] ? resolve(args[out + 1]!) : undefined,
    build: !args.includes('--no-build'),
  });
  for (const path of [packages.chromium, packages.firefox, packages.source]) console.log(path);
  console.log(`source files from ${packages.sourceListFrom}`);
  const changes = packages.sourceListFrom === 'git ls-files' ? uncommittedSourceChanges(REPO_ROOT) : [];
  if (changes.length > 0)
    console.warn(
      `warning: uncommitted changes (the source package has tracked files only, as they are now):\n${changes.join('\n')}`,
    );
}

runAsScript(import.meta.url, 'package', main);
