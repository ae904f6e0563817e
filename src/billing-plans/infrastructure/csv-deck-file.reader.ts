import { readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { CsvError, parse } from 'csv-parse/sync';
import type { DeckFileReader } from '../domain/deck-files';
import { InvalidDeckRowError, type DeckRow } from '../domain/destination-deck';

export const DECK_FILE_HEADER = ['prefix', 'group', 'ratePerMinute'] as const;

/**
 * Reads `destinationsFile`s, a path relative to the folder of the catalog file that names it (so a
 * catalog and its decks move together, whatever the working directory), or absolute.
 */
export function csvDeckFileReader(catalogFile: string): DeckFileReader {
  const folder = dirname(resolve(catalogFile));
  return (path) => readDeckFile(isAbsolute(path) ? path : resolve(folder, path));
}

/**
 * A deck CSV: UTF-8 (a BOM is ignored), the header `prefix,group,ratePerMinute` on its first line,
 * then one destination per line; blank lines and lines starting with `#` are skipped, spaces around
 * fields trimmed, and fields may be quoted (`"Korea, Republic of"`). Rows keep their line number.
 * @throws InvalidDeckRowError naming the line of a wrong header, a wrong column count or bad quoting.
 */
export function readDeckFile(path: string): DeckRow[] {
  const text = readFileSync(path, 'utf8');
  let records: { info: { lines: number }; record: string[] }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      comment: '#',
      comment_no_infix: true,
      relax_column_count: true,
    }) as unknown as typeof records;
  } catch (error) {
    if (error instanceof CsvError)
      throw new InvalidDeckRowError(`line ${String(error.lines)}`, error.message);
    throw error;
  }
  const [header, ...rows] = records;
  if (!header || header.record.join(',') !== DECK_FILE_HEADER.join(',')) {
    throw new InvalidDeckRowError(
      `line ${header?.info.lines ?? 1}`,
      `the header must be "${DECK_FILE_HEADER.join(',')}"${header ? `, not "${header.record.join(',')}"` : ' (the file is empty)'}`,
    );
  }
  return rows.map(({ info, record }) => {
    const where = `line ${info.lines}`;
    if (record.length !== DECK_FILE_HEADER.length)
      throw new InvalidDeckRowError(
        where,
        `expected 3 fields (prefix,group,ratePerMinute), found ${record.length}`,
      );
    const [prefix, group, ratePerMinute] = record;
    return { where, prefix, group, ratePerMinute };
  });
}
