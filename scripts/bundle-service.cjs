// Bundles the compiled service (dist/src/serve.js) into one file, dist/service/index.js, and warms
// V8's compile cache for it; dist/service/main.js (from scripts/service-main.cjs) is the entry that
// production runs. Why: loading ~3,200 modules from node_modules was ~65% of start-up CPU
// (bench/README.md, issue 20); one minified file with a code cache starts in about half the time.
// Run by `npm run build` and `npm start`, after tsc and copyAssets.
//
// What the bundle keeps of the unbundled layout, so it must ship beside dist/src and node_modules:
// - each module's own __dirname, __filename and import.meta.url (the portal's templates in
//   dist/src, swagger-ui-dist's files, ...), rewritten relative to the bundle's folder;
// - packages loaded lazily on first use (LAZY_PACKAGES) and imports that do not resolve at build
//   time (optional peers such as pg-native) stay `require`s of node_modules.
'use strict';
const { spawnSync } = require('node:child_process');
const { copyFileSync, mkdirSync, readFileSync, rmSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');

/** Required on first use (invoice PDFs, email), so loading them at start would only cost. */
const LAZY_PACKAGES = ['pdfkit', 'nodemailer'];

// Names the banner gives the bundle's top level; odd on purpose, so no bundled module shadows them.
const BANNER =
  'var __phoneBillingBundleDir = __dirname, __phoneBillingPath = require("node:path"), ' +
  '__phoneBillingUrl = require("node:url");';

/** Each module's own location, as the unbundled service would see it. */
function ownLocationPlugin(outDir) {
  return {
    name: 'own-location',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
        let contents = readFileSync(args.path, 'utf8');
        if (!/__dirname|__filename|import\.meta\.url/.test(contents)) return undefined;
        const file = `__phoneBillingPath.join(__phoneBillingBundleDir, ${JSON.stringify(relative(outDir, args.path))})`;
        contents = contents.replaceAll('import.meta.url', `__phoneBillingUrl.pathToFileURL(${file}).href`);
        // CommonJS code reads these as free names; a module that declares its own keeps it.
        if (
          /__dirname|__filename/.test(contents) &&
          !/(?:var|let|const)\s+__(?:dirname|filename)\b/.test(contents)
        )
          contents = `var __filename = ${file}, __dirname = __phoneBillingPath.dirname(__filename);\n${contents}`;
        return { contents, loader: 'js', resolveDir: dirname(args.path) };
      });
    },
  };
}

/** Bare imports that do not resolve here (optional peers, other databases' drivers) stay runtime `require`s. */
const unresolvedStayExternal = {
  name: 'unresolved-stay-external',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, async (args) => {
      if (args.pluginData === unresolvedStayExternal) return undefined;
      const resolved = await build.resolve(args.path, {
        kind: args.kind,
        resolveDir: args.resolveDir,
        importer: args.importer,
        pluginData: unresolvedStayExternal,
      });
      return resolved.errors.length > 0 ? { path: args.path, external: true } : resolved;
    });
  },
};

/** Builds dist/service/ from dist/src/ (run tsc first). Resolves when the bundle and its cache are written. */
async function bundleService(root = join(__dirname, '..')) {
  const esbuild = require('esbuild');
  const outDir = join(root, 'dist/service');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  await esbuild.build({
    entryPoints: [join(root, 'dist/src/serve.js')],
    outfile: join(outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node24',
    // Minified source is half the size, so half the memory V8 keeps it in; names stay, because
    // Nest and MikroORM read class names (tokens, messages).
    minify: true,
    keepNames: true,
    sourcemap: 'linked',
    banner: { js: BANNER },
    external: LAZY_PACKAGES,
    plugins: [unresolvedStayExternal, ownLocationPlugin(outDir)],
    logLevel: 'warning',
  });
  copyFileSync(join(root, 'scripts/service-main.cjs'), join(outDir, 'main.js'));
  warmCompileCache(outDir);
}

/**
 * Loads the bundle once (its modules' top level only: nothing starts) with the compile cache on, so
 * the first real start finds the code cache written. Node keys the cache by source and V8 version,
 * so a stale entry is never used.
 */
function warmCompileCache(outDir) {
  const script =
    `require('node:module').enableCompileCache(${JSON.stringify(join(outDir, 'compile-cache'))});` +
    `require(${JSON.stringify(join(outDir, 'index.js'))}); process.exit(0);`;
  const warm = spawnSync(process.execPath, ['-e', script], { stdio: 'inherit' });
  if (warm.status !== 0)
    throw new Error(`loading the bundle to warm its compile cache failed (${warm.status})`);
}

module.exports = { bundleService };
if (require.main === module)
  bundleService().catch((error) => {
    console.error(error);
    process.exit(1);
  });
