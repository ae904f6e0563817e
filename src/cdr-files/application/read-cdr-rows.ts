import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { CsvError, parse } from 'csv-parse';
import { CdrFileUnreadableError, CdrUploadInterruptedError } from '../domain/cdr-file.errors';

/** One CSV row of the file: its fields and its line (1-based; a quoted multi-line row: its last line). */
export interface NumberedRow {
  line: number;
  fields: string[];
  /** It held bytes that are not UTF-8 (read as U+FFFD). */
  notUtf8: boolean;
}

/** What the stream told once it ended: the file's SHA-256, or that the upload stopped before its end. */
export interface StreamEnd {
  sha256: string | null;
}

/**
 * The rows of a CSV body, read as it arrives (never the whole file in memory): its bytes are
 * hashed, decoded as UTF-8 (a bad byte becomes U+FFFD and marks its row) and parsed by csv-parse,
 * which takes CRLF and LF alike. Chunks of `size` rows; backpressure holds the upload while a chunk
 * is recorded. `end.sha256` is set once the last byte is read.
 */
export async function* cdrRowChunks(
  body: Readable,
  size: number,
  end: StreamEnd,
): AsyncGenerator<NumberedRow[]> {
  const hash = createHash('sha256');
  const decoder = new TextDecoder('utf-8');
  const decode = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      done(null, Buffer.from(decoder.decode(chunk, { stream: true })));
    },
    flush(done) {
      done(null, Buffer.from(decoder.decode()));
    },
  });
  const parser = parse({
    bom: true,
    info: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
  });
  const piping = pipeline(body, decode, parser);
  piping.catch(() => undefined); // its error reaches the loop below through the parser
  let chunk: NumberedRow[] = [];
  try {
    const rows = parser as AsyncIterable<{ record: string[]; info: { lines: number } }>;
    try {
      for await (const { record, info } of rows) {
        chunk.push({
          line: info.lines,
          fields: record,
          notUtf8: record.some((field) => field.includes('\uFFFD')),
        });
        if (chunk.length >= size) {
          yield chunk;
          chunk = [];
        }
      }
      await piping;
    } catch (error) {
      // Thrown by the stream (a consumer's own error ends the loop through `return`, not here).
      if (error instanceof CsvError) throw new CdrFileUnreadableError(error.message);
      throw new CdrUploadInterruptedError();
    }
    end.sha256 = hash.digest('hex');
    if (chunk.length > 0) yield chunk;
  } finally {
    if (!body.readableEnded) body.destroy();
  }
}
