// Builds the loadable extension into extension/: bundles each entry under src/ with esbuild and
// copies manifest.json next to them. Static files (HTML, CSS, icons) live in extension/ already.
// Usage: node build.mjs [--watch] [--dev]
import { copyFile, stat } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const dev = watch || process.argv.includes('--dev');

const entries = {
  background: 'src/background/index.ts',
  content: 'src/content/index.tsx',
  popup: 'src/popup/index.tsx',
  review: 'src/review/index.tsx',
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
};

async function copyStatic() {
  await copyFile('manifest.json', 'extension/manifest.json');
}

// Content scripts are classic scripts, not modules: that entry is bundled as an IIFE.
const { content, ...modules } = entries;
const builds = [
  { ...options, entryPoints: modules },
  { ...options, entryPoints: { content }, format: 'iife' },
];

if (watch) {
  const copyOnEnd = { name: 'static', setup: (b) => b.onEnd(() => copyStatic()) };
  for (const build of builds) {
    const ctx = await esbuild.context({ ...build, plugins: [copyOnEnd] });
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
