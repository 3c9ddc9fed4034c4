// Which files go into each store package, as zip paths ('/'-separated, relative to their folder).
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';

/**
 * What addons.mozilla.org's reviewers need to rebuild the bundles with `npm ci && npm run build`:
 * the build script and its inputs, and nothing else (tests, benchmarks and tools stay out).
 */
export const SOURCE_PATHS = [
  'package.json',
  'package-lock.json',
  'build.mjs',
  'manifest.json',
  'tsconfig.json',
  'src',
  'extension',
] as const;

/**
 * What build.mjs writes into extension/ (the .gitignore says the same: the bundles, the manifest,
 * the stylesheets made from src/ and the messages), and source maps a
 * `--dev` build leaves behind: never source, and never shipped in a store package.
 */
const BUILT_IN_EXTENSION = /^extension\/(?:[^/]+\.js|manifest\.json|design\.css|content\.css|_locales\/.+)$/;
const SOURCE_MAP = /\.map$/;
/** Editor and OS leftovers (.DS_Store, .swp files): any path segment starting with a dot. */
const HIDDEN = /(^|\/)\./;

/**
 * The files of a built extension folder: everything but source maps and hidden files. Source maps
 * are left out because a production build writes none; any there are stale, from a `--dev` build.
 */
export function extensionFiles(dir: string): string[] {
  return walk(dir).filter((path) => !SOURCE_MAP.test(path) && !HIDDEN.test(path));
}

export interface SourceList {
  files: string[];
  /** Where the list came from: git's tracked files, or the fixed list when there is no checkout. */
  from: 'git ls-files' | 'fixed list';
}

/**
 * The files of the source package, relative to `root`. In a git checkout they are git's tracked
 * files under SOURCE_PATHS, so untracked junk (notes, scratch files, a half-made module) never
 * ships; outside one (an unpacked source package, say) the fixed list SOURCE_PATHS is walked.
 * Either way, build outputs, source maps and hidden files are left out.
 */
export function sourceFiles(root: string, useGit = true): SourceList {
  const tracked = useGit ? gitFiles(root) : null;
  const listed = tracked ?? SOURCE_PATHS.flatMap((path) => walk(join(root, path)).map(under(path)));
  const files = listed
    .filter((path) => !BUILT_IN_EXTENSION.test(path) && !SOURCE_MAP.test(path) && !HIDDEN.test(path))
    // A tracked file deleted in the work tree was not in the build either.
    .filter((path) => existsSync(join(root, path)));
  return { files: [...new Set(files)].sort(), from: tracked ? 'git ls-files' : 'fixed list' };
}

/** Tracked files under SOURCE_PATHS, or null when `root` is not the top of a git checkout. */
function gitFiles(root: string): string[] | null {
  const git = (...args: string[]) =>
    execFileSync('git', ['-C', root, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  try {
    // An unpacked source package inside some other repository is not a checkout of this one.
    if (resolve(git('rev-parse', '--show-toplevel').trim()) !== resolve(root)) return null;
    return git('ls-files', '-z', '--', ...SOURCE_PATHS)
      .split('\0')
      .filter((path) => path !== '');
  } catch {
    return null; // no git, or not a checkout
  }
}

/** Uncommitted changes under SOURCE_PATHS (`git status` lines), empty outside a checkout. */
export function uncommittedSourceChanges(root: string): string[] {
  try {
    return execFileSync('git', ['-C', root, 'status', '--porcelain', '--', ...SOURCE_PATHS], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    })
      .split('\n')
      .filter((line) => line !== '');
  } catch {
    return [];
  }
}

/** Every file under `path` (or `path` itself if it is a file), relative to `path`, '/'-separated. */
function walk(path: string): string[] {
  if (!existsSync(path)) return [];
  if (statSync(path).isFile()) return [''];
  return readdirSync(path, { recursive: true, encoding: 'utf8' })
    .filter((file) => statSync(join(path, file)).isFile())
    .map((file) => file.split(sep).join('/'))
    .sort();
}

const under = (prefix: string) => (file: string) => (file === '' ? prefix : `${prefix}/${file}`);
