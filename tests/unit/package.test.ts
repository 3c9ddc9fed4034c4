// `npm run package`: the store packages are reproducible (two runs, the same bytes), named with
// package.json's version, and hold what each store needs — the Chromium zip the built extension
// with its manifest at the root, the .xpi exactly the Firefox folder that `web-ext lint` checks
// (tests/unit/extension-lint.test.ts), and the source zip what reviewers need to rebuild it, with
// build instructions and no dependencies or build output. Packs what `node build.mjs` built
// (npm test builds before vitest) rather than building again.
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { makePackages, type Packages, REPO_ROOT } from '../../scripts/package';
import { extensionFiles, sourceFiles } from '../../scripts/package-files';
import { deterministicZip } from '../../scripts/package-zip';
import { LOCALES } from '../../src/core/i18n/catalog';
import { catalogOf } from '../support/messages';

const root = (path: string) => join(REPO_ROOT, path);
const built = ['extension', 'extension-firefox'].every((dir) => existsSync(root(`${dir}/manifest.json`)));
const { version } = JSON.parse(readFileSync(root('package.json'), 'utf8')) as { version: string };

const entries = (zip: string) => unzipSync(readFileSync(zip));
const json = (bytes: Uint8Array | undefined) =>
  JSON.parse(new TextDecoder().decode(bytes)) as Record<string, unknown>;

describe.skipIf(!built)('npm run package', () => {
  const outDirs = [0, 1].map(() => mkdtempSync(join(tmpdir(), 'factmark-package-')));
  let first: Packages;
  let second: Packages;

  beforeAll(() => {
    [first, second] = outDirs.map((outDir) => makePackages({ outDir, build: false })) as [Packages, Packages];
  });
  afterAll(() => {
    for (const dir of outDirs) rmSync(dir, { recursive: true, force: true });
  });

  it("writes three packages named with package.json's version", () => {
    expect(first.version).toBe(version);
    expect(readdirSync(outDirs[0]!).sort()).toEqual([
      `factmark-${version}-chromium.zip`,
      `factmark-${version}-firefox.xpi`,
      `factmark-${version}-source.zip`,
    ]);
  });

  it('gives byte-identical packages when run twice', () => {
    for (const kind of ['chromium', 'firefox', 'source'] as const) {
      expect(readFileSync(second[kind]).equals(readFileSync(first[kind])), kind).toBe(true);
    }
  });

  it("puts manifest.json at the Chromium zip's root, with package.json's version", () => {
    const zip = entries(first.chromium);
    expect(json(zip['manifest.json']).version).toBe(version);
    expect(Object.keys(zip)).toEqual(expect.arrayContaining(['background.js', 'content.js', 'page.js']));
    expect(Object.keys(zip).filter((name) => name.endsWith('.map'))).toEqual([]);
  });

  it("holds exactly the extension's committed files and this build's outputs: nothing left from an earlier build", () => {
    const committed = sourceFiles(REPO_ROOT)
      .files.filter((path) => path.startsWith('extension/'))
      .map((path) => path.slice('extension/'.length));
    const bundles = ['background', 'content', 'page', 'popup', 'review', 'welcome'].map(
      (entry) => `${entry}.js`,
    );
    const messages = LOCALES.map((locale) => `_locales/${locale}/messages.json`);
    const written = [...bundles, ...messages, 'manifest.json', 'design.css', 'content.css'];
    expect(Object.keys(entries(first.chromium)).sort()).toEqual([...committed, ...written].sort());
  });

  it('packs the Firefox folder file for file, with a manifest that has no service_worker', () => {
    const zip = entries(first.firefox);
    const folder = extensionFiles(root('extension-firefox'));
    expect(Object.keys(zip).sort()).toEqual(folder);
    for (const file of folder) {
      expect(Buffer.from(zip[file]!).equals(readFileSync(root(`extension-firefox/${file}`))), file).toBe(
        true,
      );
    }
    const manifest = json(zip['manifest.json']);
    expect(manifest.version).toBe(version);
    expect(manifest.background).not.toHaveProperty('service_worker');
  });

  it('ships the source with build instructions, and no node_modules, dist or built bundles', () => {
    const names = Object.keys(entries(first.source));
    expect(names).toContain('BUILD.md');
    expect(names).toEqual(
      expect.arrayContaining(['package.json', 'package-lock.json', 'build.mjs', 'manifest.json']),
    );
    expect(names).toEqual(expect.arrayContaining(['src/background/index.ts', 'extension/popup.html']));
    expect(names.filter((name) => /^(node_modules|dist|tests|\.tmp|extension-firefox)\//.test(name))).toEqual(
      [],
    );
    expect(
      names.filter((name) => /^extension\/[^/]+\.js$|\.map$|^extension\/manifest\.json$/.test(name)),
    ).toEqual([]);
  });

  it("lists the source from git's tracked files, and the fixed list outside git misses none of them", () => {
    const tracked = sourceFiles(REPO_ROOT);
    expect(tracked.from).toBe('git ls-files');
    const fixed = sourceFiles(REPO_ROOT, false);
    expect(fixed.from).toBe('fixed list');
    // The work tree may hold untracked files too; those only the fixed list takes.
    expect(fixed.files).toEqual(expect.arrayContaining(tracked.files));
  });
});

describe('the store listing', () => {
  it("gives the extension's description in each language as that listing's short description, within the Chrome Web Store's 132 characters", () => {
    const { description } = json(readFileSync(root('manifest.json'))) as { description: string };
    expect(description).toBe('__MSG_extension_description__');
    for (const locale of LOCALES) {
      const listing = readFileSync(
        root(locale === 'en' ? 'store/listing.md' : `store/listing.${locale}.md`),
        'utf8',
      );
      const section = listing.split('## Short description')[1]?.split('\n## ')[0] ?? '';
      const summary = catalogOf(locale).extension_description?.message ?? '';
      expect(section.split('\n'), locale).toContain(summary);
      expect([...summary].length, locale).toBeLessThanOrEqual(132);
    }
  });
});

describe('a deterministic zip', () => {
  const files = new Map([
    ['b.txt', new TextEncoder().encode('b')],
    ['a/c.json', new TextEncoder().encode('{}')],
  ]);

  it('depends on neither the order files are given in, the clock, nor the time zone', () => {
    const zone = process.env.TZ;
    vi.useFakeTimers();
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      vi.setSystemTime(new Date('2020-02-29T23:59:59Z'));
      const one = deterministicZip(files);
      process.env.TZ = 'America/St_Johns';
      vi.setSystemTime(new Date('2031-07-01T03:30:00Z'));
      const other = deterministicZip(new Map([...files].reverse()));
      expect(Buffer.from(other).equals(Buffer.from(one))).toBe(true);
    } finally {
      vi.useRealTimers();
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });

  it('stores entries in path order as Unix files, -rw-r--r--, dated 1980-01-01 12:00', () => {
    const zip = Buffer.from(deterministicZip(files));
    const central = centralDirectory(zip);
    expect(central.map((entry) => entry.name)).toEqual(['a/c.json', 'b.txt']);
    for (const entry of central) {
      expect(entry.madeBy >> 8, 'os').toBe(3);
      expect((entry.attributes >>> 16).toString(8)).toBe('100644');
      expect(entry.time).toBe(12 << 11);
      expect(entry.date).toBe((0 << 9) | (1 << 5) | 1);
    }
  });

  it('refuses paths that would land outside the folder it is unpacked in', () => {
    for (const name of ['/etc/passwd', '../up.txt', 'a\\b.txt']) {
      expect(() => deterministicZip(new Map([[name, new Uint8Array()]])), name).toThrow(
        /not a relative zip path/,
      );
    }
  });
});

/** The central directory's records (APPNOTE.txt 4.3.12): what unzip tools list. */
function centralDirectory(zip: Buffer) {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const records = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    records.push({
      madeBy: zip.readUInt16LE(at + 4),
      time: zip.readUInt16LE(at + 12),
      date: zip.readUInt16LE(at + 14),
      attributes: zip.readUInt32LE(at + 38),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return records;
}
