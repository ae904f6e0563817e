import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { aTestFolder, removeTestFolder } from '../support/test-folders';

// The service's own bundling rules (scripts/bundle-service.cjs), applied to small packages in a
// temporary folder: each module must see its own location, as it would unbundled.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { bundleOptions } = require('../../scripts/bundle-service.cjs') as {
  bundleOptions: (options: { entry: string; outFile: string; notInstalled?: Set<string> }) => object;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const esbuild = require('esbuild') as {
  build: (options: object) => Promise<unknown>;
  stop: () => void;
};

function write(path: string, text: string): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

describe('Bundling the service', () => {
  let folder: string;
  beforeAll(() => {
    folder = aTestFolder('bundle');
  });
  afterAll(() => {
    esbuild.stop();
    removeTestFolder(folder);
  });

  const outFile = () => join(folder, 'app', 'out', 'index.js');

  /** A package in the app's node_modules: its files, and package.json fields besides its name. */
  function aPackage(name: string, files: Record<string, string>, manifest: object = {}): string {
    const packageFolder = join(folder, 'app', 'node_modules', name);
    for (const [file, text] of Object.entries(files)) write(join(packageFolder, file), text);
    write(join(packageFolder, 'package.json'), JSON.stringify({ name, ...manifest }));
    return packageFolder;
  }

  /** Bundles an entry with the service's options, runs it with `nodeArgs`, and parses what it printed. */
  async function bundle(
    entryText: string,
    nodeArgs: string[] = [],
  ): Promise<{ output: unknown; notInstalled: string[] }> {
    const entry = join(folder, 'app', 'entry.js');
    write(entry, entryText);
    const notInstalled = new Set<string>();
    await esbuild.build({
      ...bundleOptions({ entry, outFile: outFile(), notInstalled }),
      logLevel: 'silent',
    });
    const printed = execFileSync(process.execPath, [...nodeArgs, outFile()], { encoding: 'utf8' });
    return { output: JSON.parse(printed) as unknown, notInstalled: [...notInstalled] };
  }

  it('gives each module its own __dirname and __filename, even one whose comment reads like a declaration', async () => {
    const reader = aPackage('commonjs-reader', {
      'index.js':
        '// const __dirname = "a comment, not a declaration"\n' +
        'exports.dir = __dirname;\nexports.file = __filename;\n',
    });
    const { output } = await bundle(
      'const reader = require("commonjs-reader");\n' +
        'console.log(JSON.stringify({ dir: reader.dir, file: reader.file, entryDir: __dirname }));\n',
    );
    expect(output).toEqual({
      dir: reader,
      file: join(reader, 'index.js'),
      entryDir: join(folder, 'app'),
    });
  });

  it("keeps an ES module's own __dirname and gives it its import.meta url, dirname, filename and resolve", async () => {
    const neighbour = aPackage('neighbour', { 'index.js': 'module.exports = 1;\n' });
    const reader = aPackage(
      'esm-reader',
      {
        'index.mjs':
          'import { dirname } from "node:path";\nimport { fileURLToPath } from "node:url";\n' +
          'const __dirname = dirname(fileURLToPath(import.meta.url)) + "/own";\n' +
          'export const own = __dirname;\nexport const url = import.meta.url;\n' +
          'export const dir = import.meta.dirname;\nexport const file = import.meta.filename;\n' +
          'export const resolved = import.meta.resolve("neighbour");\n',
      },
      { type: 'module', exports: './index.mjs' },
    );
    const { output } = await bundle(
      'const reader = require("esm-reader");\n' +
        'console.log(JSON.stringify({ own: reader.own, url: reader.url, dir: reader.dir, file: reader.file, resolved: reader.resolved }));\n',
    );
    const file = join(reader, 'index.mjs');
    expect(output).toEqual({
      own: `${reader}/own`,
      url: `file://${file}`,
      dir: reader,
      file,
      resolved: `file://${join(neighbour, 'index.js')}`,
    });
  });

  it('keeps a CommonJS module that reads its own folder in strict mode, its directive without a semicolon', async () => {
    const reader = aPackage('strict-reader', {
      'index.js':
        '/* a licence header */\n"use strict"\n' +
        'exports.strict = (function () { return this === undefined; })();\nexports.dir = __dirname;\n',
    });
    const { output } = await bundle(
      'const reader = require("strict-reader");\n' +
        'console.log(JSON.stringify({ strict: reader.strict, dir: reader.dir }));\n',
    );
    expect(output).toEqual({ strict: true, dir: reader });
  });

  it('leaves a package that is not installed to a runtime require, and names it', async () => {
    const { output, notInstalled } = await bundle(
      'let found;\ntry { require("not-installed-anywhere"); found = true; } catch { found = false; }\n' +
        'console.log(JSON.stringify({ found }));\n',
    );
    expect({ output, notInstalled }).toEqual({
      output: { found: false },
      notInstalled: ['not-installed-anywhere'],
    });
  });

  it('refuses a use of import.meta it cannot give a module, rather than leaving it empty', async () => {
    aPackage(
      'meta-user',
      { 'index.mjs': 'export const meta = import.meta.main;\n' },
      { type: 'module', exports: './index.mjs' },
    );
    await expect(bundle('console.log(JSON.stringify(require("meta-user").meta));\n')).rejects.toThrow(
      /import\.meta/,
    );
  });

  it('writes only ASCII, so V8 keeps the source in one byte a character, and each module means what it meant unbundled', async () => {
    aPackage('alphabets', {
      'index.js':
        '\uFEFF"use strict";\n' +
        'const words = ["ÇƏĞİ", "naïve", "😀", "é", "\\\\é", "x"];\n' +
        'const patterns = [/^[A-ZÇƏĞİıÖŞÜ]+$/i, /^[a-zï]+$/, /^[😀]$/u, /^\\é$/, /\\\\é/, /^[ぁ-ん]$/];\n' +
        'exports.matches = patterns.map((pattern) => words.map((word) => pattern.test(word)));\n' +
        'exports.text = "café ☕ 😀";\n' +
        // What only the unescaped characters mean: a line separator ends a // comment, continues
        // a string after a backslash, and makes a block comment a line break (so `return` returns
        // nothing); a no-break space separates tokens; letters name.
        '// a comment ends at a line separator\u2028exports.afterSeparator = true;\n' +
        'exports.returnsNothing = (() => { return /* é \u2028 */ 1; })() === undefined;\n' +
        'exports.continued = "a\\\u2028b";\n' +
        'const\u00A0spaced = 1;\n' +
        'const prénom = "Zoë";\n' +
        'exports.names = { spaced, prénom };\n' +
        '/*! licence: © Ørsted */\n',
      // Parses only as a script (an octal escape), not as an ES module.
      'sloppy.js': 'exports.octal = "\\101";\nexports.matches = /^[à-ÿ]+$/.test("ÿà");\n',
    });
    const entryText =
      'console.log(JSON.stringify({ ...require("alphabets"), sloppy: require("alphabets/sloppy.js") }));\n';
    const { output } = await bundle(entryText);
    const unbundled = execFileSync(process.execPath, [join(folder, 'app', 'entry.js')], { encoding: 'utf8' });
    expect(output).toEqual(JSON.parse(unbundled));
    expect(readFileSync(outFile(), 'utf8')).not.toMatch(/[\u0080-\uffff]/);
  });

  it("fails the build, writing nothing, when a non-ASCII character would be left (a tagged template's raw text), naming it and its module", async () => {
    aPackage('raw-text', { 'index.js': '\nexports.raw = String.raw`naïve 😀\\n`;\n' });
    const failed = bundle('console.log(JSON.stringify(require("raw-text").raw));\n');
    await expect(failed).rejects.toThrow(
      /"ï" \(U\+00EF\) from \.\.\/node_modules\/raw-text\/index\.js:2:\d+ is left in the bundle/,
    );
    expect([existsSync(outFile()), existsSync(`${outFile()}.map`)]).toEqual([false, false]);
  });

  it('keeps the line numbers of the modules whose location it declares', async () => {
    aPackage('thrower', {
      'index.js':
        '\n\nexports.where = __dirname;\nexports.fail = () => {\n  throw new Error("line 5");\n};\n',
    });
    const { output } = await bundle(
      'try { require("thrower").fail(); } catch (error) { console.log(JSON.stringify(error.stack.split("\\n")[1])); }\n',
      ['--enable-source-maps'],
    );
    expect(output).toEqual(expect.stringContaining(`${join('node_modules', 'thrower', 'index.js')}:5`));
    expect(readFileSync(`${outFile()}.map`, 'utf8')).toContain('thrower');
  });
});
