// The built extension as a store reviewer would check it: `web-ext lint` on the Firefox package
// reports 0 errors and 0 warnings; the bundles hold no way to run strings as code or parse
// markup; the extension pages run only their own script files under a strict CSP; and no web page
// can reach the extension (no externally_connectable, no external message listener, and the one
// web-accessible resource, Chromium's page code, is reachable only at a per-session address and
// starts nothing when imported). Needs `node build.mjs` first (npm test builds before vitest).
import { execFile } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { recordFigure } from '../support/reliability';

const root = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));
const EXTENSION = root('extension');
const FIREFOX = root('extension-firefox');
const SHARED_BUNDLES = ['background.js', 'content.js', 'popup.js', 'review.js', 'welcome.js'];
/** Chromium's content script is a loader for page.js; Firefox's is the whole page code. */
const BUNDLES = new Map([
  [EXTENSION, [...SHARED_BUNDLES, 'page.js']],
  [FIREFOX, SHARED_BUNDLES],
]);
const PAGES = ['popup.html', 'review.html', 'welcome.html'];

const built = [EXTENSION, FIREFOX].every(
  (dir) => existsSync(`${dir}/manifest.json`) && existsSync(`${dir}/background.js`),
);
const read = (dir: string, file: string) => readFileSync(`${dir}/${file}`, 'utf8');

interface LintMessage {
  code: string;
  message: string;
  file?: string;
}
interface LintReport {
  summary: { errors: number; warnings: number; notices: number };
  errors: LintMessage[];
  warnings: LintMessage[];
}

describe.skipIf(!built)('the built extension', () => {
  it('passes web-ext lint with 0 errors and 0 warnings', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [
        root('node_modules/web-ext/bin/web-ext.js'),
        'lint',
        '--source-dir',
        FIREFOX,
        '--output',
        'json',
        '--no-config-discovery',
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    ).catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '' }));
    const report = JSON.parse(stdout) as LintReport;
    const found = [...report.errors, ...report.warnings].map(
      (m) => `${m.code} (${m.file ?? '?'}): ${m.message}`,
    );
    recordFigure({
      guarantee: 'web-ext lint passes the Firefox package',
      figure: `${report.summary.errors} errors, ${report.summary.warnings} warnings`,
      held: found.length === 0,
    });
    expect(found).toEqual([]);
    expect(report.summary).toMatchObject({ errors: 0, warnings: 0 });
  }, 120_000);

  it('ships no eval, no new Function, no innerHTML/outerHTML writes and no document.write in any bundle', () => {
    for (const [dir, bundles] of BUNDLES) {
      for (const bundle of bundles) {
        const code = read(dir, bundle);
        expect(/\beval\s*\(/.test(code), `${bundle}: eval`).toBe(false);
        expect(/new\s+Function\s*\(/.test(code), `${bundle}: new Function`).toBe(false);
        expect(/\.(inner|outer)HTML\s*=(?!=)/.test(code), `${bundle}: innerHTML/outerHTML write`).toBe(false);
        expect(/insertAdjacentHTML/.test(code), `${bundle}: insertAdjacentHTML`).toBe(false);
        expect(/document\.write/.test(code), `${bundle}: document.write`).toBe(false);
        // Remote code: nothing is imported or loaded from an address.
        expect(/import\s*\(\s*["'`]https?:/.test(code), `${bundle}: import from a URL`).toBe(false);
      }
    }
  });

  it('serves extension pages that load only their own scripts, with no inline script or handler', () => {
    for (const page of PAGES) {
      const html = read(EXTENSION, page);
      const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
      expect(scripts.length, `${page}: one script`).toBeGreaterThan(0);
      for (const [, attributes, body] of scripts) {
        expect(body?.trim(), `${page}: inline script`).toBe('');
        expect(attributes, `${page}: script from elsewhere`).toMatch(/\bsrc="[a-z-]+\.js"/);
      }
      expect(html, `${page}: inline event handler`).not.toMatch(/\son[a-z]+\s*=/i);
      expect(html, `${page}: javascript: URL`).not.toMatch(/javascript:/i);
      expect(html, `${page}: inline style attribute`).not.toMatch(/\sstyle\s*=/i);
      expect(html, `${page}: remote resource`).not.toMatch(/\s(src|href)="(https?:)?\/\//i);
    }
  });

  it('gives extension pages a strict content security policy: own scripts only, nothing by default', () => {
    for (const dir of [EXTENSION, FIREFOX]) {
      const manifest = JSON.parse(read(dir, 'manifest.json')) as {
        content_security_policy: { extension_pages: string };
      };
      const csp = new Map(
        manifest.content_security_policy.extension_pages
          .split(';')
          .map((directive) => directive.trim().split(/\s+/))
          .map(([name, ...values]) => [name, values] as const),
      );
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('script-src')).toEqual(["'self'"]);
      expect(csp.get('object-src')).toEqual(["'none'"]);
      expect(csp.get('base-uri')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      for (const values of csp.values()) {
        expect(values).not.toContain("'unsafe-eval'");
        expect(values).not.toContain("'unsafe-inline'");
        expect(values).not.toContain('*');
      }
    }
  });

  it('offers web pages no way in: no externally_connectable, no external listener, no probe-able resource', async () => {
    for (const dir of [EXTENSION, FIREFOX]) {
      const manifest = JSON.parse(read(dir, 'manifest.json')) as Record<string, unknown>;
      expect(manifest.externally_connectable).toBeUndefined();
    }
    // Chromium: the page code, at an address with an id made anew each session (a page cannot
    // probe for it); Firefox runs the page code as its content script and offers nothing.
    expect(JSON.parse(read(EXTENSION, 'manifest.json')).web_accessible_resources).toEqual([
      { resources: ['page.js'], matches: ['http://*/*', 'https://*/*'], use_dynamic_url: true },
    ]);
    expect(JSON.parse(read(FIREFOX, 'manifest.json')).web_accessible_resources).toBeUndefined();
    // Importing the page code runs nothing: it only exports the function the loader calls.
    const pageCode = (await import(pathToFileURL(`${EXTENSION}/page.js`).href)) as Record<string, unknown>;
    expect(Object.keys(pageCode)).toEqual(['startPage']);
    // The polyfill in the bundle wraps every event, so the sources are what to check.
    const listening = readdirSync(root('src'), { recursive: true, encoding: 'utf8' })
      .filter((file) => /\.tsx?$/.test(file))
      .filter((file) =>
        /onMessageExternal|onConnectExternal/.test(readFileSync(root(`src/${file}`), 'utf8')),
      );
    expect(listening).toEqual([]);
  });

  it('gives Firefox the same manifest as Chromium, without the service-worker key it ignores', () => {
    const source = JSON.parse(readFileSync(root('manifest.json'), 'utf8')) as Record<string, unknown> & {
      background: Record<string, unknown>;
    };
    const firefox = JSON.parse(read(FIREFOX, 'manifest.json')) as typeof source;
    expect(JSON.parse(read(EXTENSION, 'manifest.json'))).toEqual(source);
    expect(firefox.background).toEqual({ scripts: source.background.scripts, type: source.background.type });
    expect(firefox.permissions).toEqual(source.permissions);
    expect(firefox.content_scripts).toEqual(source.content_scripts);
    expect(firefox.content_security_policy).toEqual(source.content_security_policy);
  });

  it('gives every frame in Chromium a loader of at most 5 KiB, and Firefox the page code whole', () => {
    const loader = read(EXTENSION, 'content.js');
    expect(loader.length).toBeLessThanOrEqual(5 * 1024);
    expect(loader).toContain('page.js');
    expect(loader).not.toContain('factmark-ui');
    expect(read(FIREFOX, 'content.js')).toContain('factmark-ui');
    expect(existsSync(`${FIREFOX}/page.js`)).toBe(false);
  });
});

it('finds the built extension (run `node build.mjs` first)', () => {
  expect(built, 'extension/ and extension-firefox/ are built by `node build.mjs`').toBe(true);
});
