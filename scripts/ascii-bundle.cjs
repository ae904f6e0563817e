// Keeps the service's bundle ASCII only (used by scripts/bundle-service.cjs). One non-ASCII
// character anywhere in a script makes V8 hold its whole source as UTF-16, twice its size, for as
// long as the process lives: 10 MB instead of 5 for the bundle (issue 20, bench/README.md). esbuild
// escapes strings, template literals and names itself; it leaves regular expression literals
// (validator's alphabets, for one), the comments it keeps (licences) and tagged templates' raw text.
'use strict';
const { readFileSync, rmSync } = require('node:fs');
const { SourceMap } = require('node:module');
const acorn = require('acorn');

const NON_ASCII = /[\u0080-\uffff]/;

/** A non-ASCII character as a \uXXXX escape (one half of a surrogate pair above U+FFFF). */
const asEscape = (character) => `\\u${character.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/**
 * A regular expression literal with each non-ASCII character escaped: the same pattern, with or
 * without the u flag (a pair of escaped surrogates is one code point under it). An identity escape
 * (a backslash before the character, allowed only without the u flag) loses its backslash.
 */
function escapeRegExp(literal) {
  return literal.replace(/(\\*)([\u0080-\uffff])/g, (_, backslashes, character) => {
    const kept = backslashes.length % 2 === 1 ? backslashes.slice(1) : backslashes;
    return kept + asEscape(character);
  });
}

/**
 * A comment with its non-ASCII characters escaped, except U+2028 and U+2029: a line terminator
 * inside a block comment makes the comment a line break for automatic semicolon insertion (a //
 * comment ends before one).
 */
const escapeComment = (comment) => comment.replace(/[\u0080-\u2027\u202a-\uffff]/g, asEscape);

/**
 * A module's source with the non-ASCII characters esbuild leaves escaped: those in regular
 * expression literals and comments, found by parsing it with acorn (as an ES module, else as a
 * script). Unchanged when it is ASCII already; `unparsed` is acorn's error when it parses as
 * neither, and the source is then unchanged too.
 *
 * @returns {{ contents: string, unparsed?: string }}
 */
function escapeNonAscii(contents) {
  if (!NON_ASCII.test(contents)) return { contents };
  let unparsed;
  for (const sourceType of ['module', 'script']) {
    const edits = [];
    const escapeWhereNonAscii = (start, end, escape) => {
      const text = contents.slice(start, end);
      if (NON_ASCII.test(text)) edits.push({ start, end, text: escape(text) });
    };
    try {
      acorn.parse(contents, {
        ecmaVersion: 'latest',
        sourceType,
        allowHashBang: true,
        allowReturnOutsideFunction: true,
        allowImportExportEverywhere: true,
        allowAwaitOutsideFunction: true,
        onToken: (token) => {
          if (token.type === acorn.tokTypes.regexp) escapeWhereNonAscii(token.start, token.end, escapeRegExp);
        },
        onComment: (_block, _text, start, end) => escapeWhereNonAscii(start, end, escapeComment),
      });
    } catch (error) {
      unparsed = error.message; // as a module: octal escapes or `with` in a CommonJS file
      continue;
    }
    let escaped = '';
    let from = 0;
    for (const edit of edits.sort((a, b) => a.start - b.start)) {
      escaped += contents.slice(from, edit.start) + edit.text;
      from = edit.end;
    }
    return { contents: escaped + contents.slice(from) };
  }
  return { contents, unparsed };
}

/** Where `offset` in the bundle came from, as `path:line:column` through its source map, or null. */
function originOf(outFile, text, offset) {
  const before = text.slice(0, offset).split('\n');
  try {
    const map = new SourceMap(JSON.parse(readFileSync(`${outFile}.map`, 'utf8')));
    const entry = map.findEntry(before.length - 1, before.at(-1).length);
    if (!entry.originalSource) return null;
    return `${entry.originalSource}:${entry.originalLine + 1}:${entry.originalColumn + 1}`;
  } catch {
    return null;
  }
}

/**
 * An esbuild plugin that fails the build, and removes what it wrote, when a non-ASCII character is
 * left in the bundle (a tagged template's raw text, which no escape keeps the same, or a module
 * acorn could not parse), naming the character and the module it came from.
 */
function asciiOnly(outFile) {
  return {
    name: 'ascii-only',
    setup(build) {
      build.onEnd((result) => {
        if (result.errors.length > 0) return undefined;
        const text = readFileSync(outFile, 'utf8');
        const found = NON_ASCII.exec(text);
        if (!found) return undefined;
        const character = String.fromCodePoint(text.codePointAt(found.index));
        const code = `U+${character.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
        const origin = originOf(outFile, text, found.index) ?? `offset ${found.index} of the bundle`;
        rmSync(outFile, { force: true });
        rmSync(`${outFile}.map`, { force: true });
        return {
          errors: [
            {
              text:
                `${JSON.stringify(character)} (${code}) from ${origin} is left in the bundle (a tagged template's ` +
                'raw text cannot be escaped, nor a module acorn cannot parse): V8 would keep the whole ' +
                'source as UTF-16, twice the memory',
            },
          ],
        };
      });
    },
  };
}

module.exports = { asciiOnly, escapeNonAscii };
