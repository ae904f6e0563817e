// Bundles the compiled service (dist/src/serve.js) into one file, dist/service/index.js, and warms
// V8's compile cache for it; dist/service/main.js (from scripts/service-main.cjs) is the entry that
// production runs. Why: loading ~3,200 modules from node_modules was ~65% of start-up CPU
// (bench/README.md, issue 20); one minified file with a code cache starts in about half the time.
// Run by `npm run build` and `npm start`, after tsc and copyAssets.
//
// What the bundle keeps of the unbundled layout, so it must ship beside dist/src and node_modules:
// - each module's own __dirname, __filename and import.meta (url, dirname, filename, resolve), as
//   the module would see them unbundled (the portal's templates in dist/src, swagger-ui-dist's
//   files, MikroORM's and terminus's package lookups);
// - packages loaded lazily on first use (LAZY_PACKAGES) and imports that do not resolve at build
//   time (optional peers such as pg-native) stay `require`s of node_modules; the build lists them.
'use strict';
const { spawnSync } = require('node:child_process');
const { copyFileSync, mkdirSync, readFileSync, rmSync, statSync } = require('node:fs');
const { dirname, join, relative } = require('node:path');
const { asciiOnly, escapeNonAscii } = require('./ascii-bundle.cjs');

/** Required on first use (invoice PDFs, email), so loading them at start would only cost. */
const LAZY_PACKAGES = ['pdfkit', 'nodemailer'];

// The bundle's top level (prefixed names, which no bundled module declares).
const BANNER =
  'var __bundleDir = __dirname, __bundlePath = require("node:path"), ' +
  '__bundleUrl = require("node:url"), __bundleModule = require("node:module");';

// Free uses of these, in any module, read the module's own location (declared by
// ownLocationDeclarations below). esbuild replaces only names a module does not declare itself.
const OWN_LOCATION_NAMES = {
  __dirname: '__moduleDirname',
  __filename: '__moduleFilename',
  'import.meta.url': '__moduleUrl',
  'import.meta.dirname': '__moduleDirname',
  'import.meta.filename': '__moduleFilename',
  'import.meta.resolve': '__moduleResolve',
};

/** A leading 'use strict' directive, after any comments (tsc writes one atop every CommonJS file). */
const USE_STRICT_PROLOGUE = /^(?:\s|\/\/[^\n]*|\/\*[\s\S]*?\*\/)*(['"])use strict\1;?/;

/**
 * The declarations that give a module its own location, relative to the bundle's folder (the bundle
 * may move with its node_modules and dist/src), or '' when the module reads none of them.
 */
function ownLocationDeclarations(contents, path, outDir) {
  if (!/__dirname|__filename|import\.meta/.test(contents)) return '';
  const file = `__bundlePath.join(__bundleDir, ${JSON.stringify(relative(outDir, path))})`;
  return (
    `var __moduleFilename = ${file}, __moduleDirname = __bundlePath.dirname(__moduleFilename), ` +
    '__moduleUrl = __bundleUrl.pathToFileURL(__moduleFilename).href, ' +
    '__moduleResolve = (specifier) => __bundleUrl.pathToFileURL(' +
    '__bundleModule.createRequire(__moduleFilename).resolve(specifier)).href;'
  );
}

/**
 * Rewrites each module as it loads: its own location declared at the start of its first line (so
 * its source map lines stay true), and the non-ASCII characters esbuild would leave escaped
 * (scripts/ascii-bundle.cjs); a module acorn cannot parse for that comes with a warning.
 */
function rewriteModules(outDir) {
  return {
    name: 'rewrite-modules',
    setup(build) {
      build.onLoad({ filter: /\.[cm]?js$/ }, (args) => {
        const original = readFileSync(args.path, 'utf8').replace(/^\uFEFF/, ''); // a byte order mark
        const declarations = ownLocationDeclarations(original, args.path, outDir);
        const { contents, unparsed } = escapeNonAscii(original);
        const warnings = unparsed
          ? [{ text: `not parsed to escape its non-ASCII characters: ${unparsed}` }]
          : [];
        if (!declarations && contents === original && !unparsed) return undefined;
        // After a 'use strict' prologue, which must stay first for the module to stay strict; the
        // ';' ends a prologue written without one.
        const prologue = declarations ? (USE_STRICT_PROLOGUE.exec(contents)?.[0] ?? '') : '';
        return {
          contents: declarations ? `${prologue};${declarations}${contents.slice(prologue.length)}` : contents,
          loader: 'js',
          resolveDir: dirname(args.path),
          warnings,
        };
      });
    },
  };
}

/** Bare imports that do not resolve here (optional peers, other databases' drivers) stay runtime `require`s. */
function unresolvedStayExternal(leftOut) {
  const plugin = {
    name: 'unresolved-stay-external',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, async (args) => {
        if (args.pluginData === plugin) return undefined;
        const resolved = await build.resolve(args.path, {
          kind: args.kind,
          resolveDir: args.resolveDir,
          importer: args.importer,
          pluginData: plugin,
        });
        if (resolved.errors.length === 0) return resolved;
        leftOut.add(args.path);
        return { path: args.path, external: true };
      });
    },
  };
  return plugin;
}

/**
 * esbuild's options for bundling `entry` into `outFile` the way the service is bundled; the names
 * of bare imports left out because they do not resolve are added to `notInstalled`.
 */
function bundleOptions({ entry, outFile, notInstalled = new Set() }) {
  return {
    entryPoints: [entry],
    outfile: outFile,
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
    define: OWN_LOCATION_NAMES,
    // Any other use of import.meta would be an empty object in a CommonJS bundle: fail instead.
    logOverride: { 'empty-import-meta': 'error' },
    external: LAZY_PACKAGES,
    plugins: [unresolvedStayExternal(notInstalled), rewriteModules(dirname(outFile)), asciiOnly(outFile)],
    logLevel: 'warning',
    metafile: true,
  };
}

/** Builds dist/service/ from dist/src/ (run tsc first). Resolves when the bundle and its cache are written. */
async function bundleService(root = join(__dirname, '..')) {
  const esbuild = require('esbuild');
  const outDir = join(root, 'dist/service');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const notInstalled = new Set();
  try {
    const { metafile } = await esbuild.build(
      bundleOptions({
        entry: join(root, 'dist/src/serve.js'),
        outFile: join(outDir, 'index.js'),
        notInstalled,
      }),
    );
    const megabytes = (statSync(join(outDir, 'index.js')).size / 1e6).toFixed(1);
    console.log(
      `dist/service/index.js: ${Object.keys(metafile.inputs).length} modules, ${megabytes} MB; ` +
        `left to node_modules: ${LAZY_PACKAGES.join(', ')} (loaded on first use), ` +
        `${[...notInstalled].sort().join(', ')} (not installed)`,
    );
  } finally {
    esbuild.stop(); // its helper process would otherwise live as long as `npm start`'s service
  }
  copyFileSync(join(root, 'scripts/service-main.cjs'), join(outDir, 'main.js'));
  warmCompileCache(root, outDir);
}

/**
 * Loads the bundle once (its modules' top level only: nothing starts) with the compile cache on,
 * so the first real start finds the code cache written. Node keys the cache by the user, its own
 * version, V8's flags and the source, so a cache written for another is never used (see the
 * Dockerfile); hence node runs here with the flags the service runs with, package.json's
 * config.nodeOptions (some V8 flags, --no-maglev for one, change the key).
 */
function warmCompileCache(root, outDir) {
  const { nodeOptions } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).config;
  const flags = nodeOptions.split(/\s+/).filter(Boolean);
  const warm = spawnSync(process.execPath, [...flags, join(outDir, 'main.js'), '--warm-compile-cache'], {
    stdio: 'inherit',
  });
  if (warm.status !== 0)
    throw new Error(`loading the bundle to warm its compile cache failed (${warm.status})`);
}

module.exports = { bundleOptions, bundleService };
if (require.main === module)
  bundleService().catch((error) => {
    console.error(error);
    process.exit(1);
  });
