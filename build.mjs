// Builds the loadable extension into extension/: bundles each entry under src/ with esbuild and
// copies manifest.json next to them. Static files (HTML, CSS, icons) live in extension/ already.
// Then writes extension-firefox/: the same files with the manifest Firefox is given (see
// firefoxManifest) — what `web-ext lint` checks and the Firefox end-to-end tests load.
// Usage: node build.mjs [--watch] [--dev]
import { copyFile, cp, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const dev = watch || process.argv.includes('--dev');

const entries = {
  background: 'src/background/index.ts',
  // Chromium's content script is a loader; the page code it imports is page.js (see loader.ts).
  content: 'src/content/loader.ts',
  page: 'src/content/page-main.ts',
  popup: 'src/popup/index.tsx',
  review: 'src/review/index.tsx',
  welcome: 'src/welcome/index.tsx',
};

/** Firefox's content script: the page code as one classic script (see src/content/index.ts). */
const FIREFOX_CONTENT = { entry: 'src/content/index.ts', staged: '.tmp/build/firefox-content.js' };

/**
 * Factmark renders no HTML strings, so Preact's one `innerHTML` write (its
 * `dangerouslySetInnerHTML` prop) is turned into a `textContent` write: the bundles then hold no
 * way to parse markup, and `web-ext lint` has no unsafe assignment to report. The build fails if
 * Preact's code no longer has the shape this expects, rather than shipping it unchanged.
 */
const noInnerHtml = {
  name: 'no-inner-html',
  setup(build) {
    build.onLoad(
      { filter: /[\\/]node_modules[\\/]preact[\\/]dist[\\/]preact\.(mjs|module\.js)$/ },
      async (args) => {
        const source = await readFile(args.path, 'utf8');
        const writes = source.match(/\b\w+\.innerHTML=(?!=)/g) ?? [];
        if (writes.length === 0)
          throw new Error(`no-inner-html: ${args.path} has no innerHTML write to remove`);
        return { contents: source.replace(/\b(\w+)\.innerHTML=(?!=)/g, '$1.textContent='), loader: 'js' };
      },
    );
  },
};

const options = {
  entryPoints: entries,
  outdir: 'extension',
  bundle: true,
  format: 'esm',
  target: ['chrome120', 'firefox140'],
  minify: !dev,
  sourcemap: dev ? 'linked' : false,
  legalComments: 'none',
  jsx: 'automatic',
  jsxImportSource: 'preact',
  loader: { '.css': 'text' },
  define: { 'process.env.NODE_ENV': dev ? '"development"' : '"production"' },
  logLevel: 'warning',
  plugins: [noInnerHtml],
};

const FIREFOX_DIR = 'extension-firefox';

/**
 * The manifest Firefox is given. manifest.json stays the one source; Firefox's copy drops
 * `background.service_worker` (Firefox runs `background.scripts` as an event page and ignores the
 * worker key) and states the Firefox for Android version that first reads
 * `data_collection_permissions` (142).
 */
function firefoxManifest(manifest) {
  const { service_worker: _worker, ...background } = manifest.background;
  // Firefox runs the content script as one bundle, so it has nothing web-accessible.
  const { web_accessible_resources: _pageCode, ...rest } = manifest;
  return {
    ...rest,
    background,
    browser_specific_settings: {
      ...manifest.browser_specific_settings,
      gecko_android: { strict_min_version: '142.0' },
    },
  };
}

/**
 * The stylesheets made from src/: the design tokens, verdict badges and screen-reader-only text
 * every extension page links (design.css; the content script adopts the tokens and badges in its
 * shadow root), and the highlight styles the manifest injects into web pages (content.css).
 */
async function writeStyles() {
  const design = await Promise.all(
    ['src/styles/tokens.css', 'src/styles/verdicts.css', 'src/styles/screen-reader.css'].map((f) =>
      readFile(f, 'utf8'),
    ),
  );
  await writeFile('extension/design.css', design.join('\n'));
  await copyFile('src/content/highlights.css', 'extension/content.css');
}

/**
 * What builds write into extension/ (.gitignore lists the same). Removed before building, so the
 * folder — and the store package made of it — holds only this build's files: not the bundle of an
 * entry that no longer exists, nor a --dev build's source maps.
 */
const BUILT = /^(?:[^/]+\.js|[^/]+\.map|manifest\.json|design\.css|content\.css|_locales)$/;

async function clearBuilt() {
  for (const name of await readdir('extension'))
    if (BUILT.test(name)) await rm(`extension/${name}`, { recursive: true });
}

/**
 * The catalogue code (src/core/i18n/catalog.ts), compiled for this script: the build and the
 * tests turn translations into browser messages with the same function.
 */
async function loadCatalog() {
  const { outputFiles } = await esbuild.build({
    entryPoints: ['src/core/i18n/catalog.ts'],
    bundle: true,
    write: false,
    format: 'esm',
    platform: 'node',
  });
  const code = outputFiles[0].text;
  return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
}

/**
 * extension/_locales/<lang>/messages.json from the translations in src/locales/<lang>/*.json
 * (one file per area of the extension, merged; the placeholders added).
 */
async function writeLocales() {
  const { LOCALES, toChromeMessages } = await loadCatalog();
  for (const locale of LOCALES) {
    const dir = `src/locales/${locale}`;
    const areas = (await readdir(dir)).filter((name) => name.endsWith('.json')).sort();
    const fragments = await Promise.all(
      areas.map(async (area) => JSON.parse(await readFile(`${dir}/${area}`, 'utf8'))),
    );
    await mkdir(`extension/_locales/${locale}`, { recursive: true });
    await writeFile(
      `extension/_locales/${locale}/messages.json`,
      `${JSON.stringify(toChromeMessages(fragments), null, 2)}\n`,
    );
  }
}

async function copyStatic() {
  await writeStyles();
  await writeLocales();
  await copyFile('manifest.json', 'extension/manifest.json');
  await rm(FIREFOX_DIR, { recursive: true, force: true });
  await cp('extension', FIREFOX_DIR, {
    recursive: true,
    filter: (path) => !path.endsWith('.map') && !/[\\/](manifest\.json|content\.js|page\.js)$/.test(path),
  });
  await copyFile(FIREFOX_CONTENT.staged, `${FIREFOX_DIR}/content.js`);
  const manifest = JSON.parse(await readFile('manifest.json', 'utf8'));
  await writeFile(`${FIREFOX_DIR}/manifest.json`, `${JSON.stringify(firefoxManifest(manifest), null, 2)}\n`);
}

// Content scripts are classic scripts, not modules: that entry is bundled as an IIFE.
const { content, ...modules } = entries;
const builds = [
  { ...options, entryPoints: modules },
  { ...options, entryPoints: { content }, format: 'iife' },
  {
    ...options,
    entryPoints: [FIREFOX_CONTENT.entry],
    outdir: undefined,
    outfile: FIREFOX_CONTENT.staged,
    format: 'iife',
    sourcemap: false,
  },
];

await clearBuilt();
if (watch) {
  const copyOnEnd = { name: 'static', setup: (b) => b.onEnd(() => copyStatic()) };
  for (const build of builds) {
    const ctx = await esbuild.context({ ...build, plugins: [...build.plugins, copyOnEnd] });
    await ctx.watch();
  }
  console.log('watching src/ — reload the extension in the browser after a change');
} else {
  await Promise.all(builds.map((build) => esbuild.build(build)));
  await copyStatic();
  for (const name of Object.keys(entries)) {
    const { size } = await stat(`extension/${name}.js`);
    console.log(`extension/${name}.js  ${(size / 1024).toFixed(1)} KiB`);
  }
}
