import { Injectable } from '@nestjs/common';
import { RecordCallsUseCase } from '../../calls';
import { CallIngestionMetrics } from '../../shared/metrics/call-ingestion.metrics';
import type { MappedRow } from '../domain/cdr-row';
import { type ImportCounts, NO_ROWS, type RowError } from '../domain/cdr-import';
import type { RowReader } from '../domain/formats/cdr-format.registry';
import { NotBillableRecords } from './not-billable-records.port';
import type { NumberedRow } from './read-cdr-rows';

export interface ChunkResult {
  counts: ImportCounts;
  errors: RowError[];
}

/**
 * Judges one chunk of a file's rows: each row read in the file's format, its calls recorded
 * through the same use case as `POST /v1/calls/batch` (rating, late calls, prepaid draws), its
 * not-answered records kept as not billable, a row the use case holds in suspense counted as
 * suspended. Counted per chunk under `source="cdr-file"`: the call rows by the use case, the rest here.
 */
@Injectable()
export class RecordCdrChunk {
  constructor(
    private readonly recordCalls: RecordCallsUseCase,
    private readonly notBillable: NotBillableRecords,
    private readonly metrics: CallIngestionMetrics,
  ) {}

  async execute(
    cdrFileId: string,
    rows: NumberedRow[],
    read: RowReader,
    fits: (n: number) => boolean,
  ): Promise<ChunkResult> {
    const counts = { ...NO_ROWS, records: rows.length };
    const errors: RowError[] = [];
    const reject = (line: number, reason: string) => {
      counts.rejected += 1;
      errors.push({ line, reason });
    };
    const calls: { line: number; input: unknown }[] = [];
    const notAnswered: { line: number; row: Extract<MappedRow, { kind: 'not-billable' }> }[] = [];
    for (const { line, fields, notUtf8 } of rows) {
      const mapped = mapRow(fields, notUtf8, read, fits);
      if (mapped.kind === 'rejected') reject(line, mapped.reason);
      else if (mapped.kind === 'call') calls.push({ line, input: mapped.input });
      else notAnswered.push({ line, row: mapped });
    }

    const refusedHere = counts.rejected;
    // The recording use case counts the call rows itself (source="cdr-file"; a held row: suspended).
    const outcomes =
      calls.length > 0
        ? await this.recordCalls.execute(
            calls.map((call) => call.input),
            calls.map(({ line }) => ({ kind: 'cdr-file' as const, cdrFileId, line })),
          )
        : [];
    outcomes.forEach((outcome, index) => {
      if (outcome.status === 'created') counts.recorded += 1;
      else if (outcome.status === 'duplicate') counts.duplicates += 1;
      else if (outcome.suspendedCallId !== undefined) counts.suspended += 1;
      else reject(calls[index].line, outcome.error.message);
    });
    const afterRecorder = { duplicates: counts.duplicates, rejected: counts.rejected };

    const stored = await this.notBillable.store(
      notAnswered.map(({ line, row }) => ({
        callId: row.callId,
        startedAt: row.startedAt,
        seconds: row.seconds,
        cdrFileId,
        line,
      })),
    );
    const firstLineOf = new Map<string, number>();
    for (const { line, row } of notAnswered) {
      const outcome = stored.get(row.callId);
      const first = !firstLineOf.has(row.callId);
      if (first) firstLineOf.set(row.callId, line);
      if (outcome === 'stored' && first) counts.notBillable += 1;
      else if (outcome === 'conflict')
        reject(line, `callId ${row.callId} is already stored with other content`);
      else counts.duplicates += 1;
    }

    errors.sort((a, b) => a.line - b.line);
    // What the recording use case did not see: rows refused here, and the not-billable records.
    this.metrics.judged('cdr-file', {
      duplicate: counts.duplicates - afterRecorder.duplicates,
      rejected: refusedHere + counts.rejected - afterRecorder.rejected,
      not_billable: counts.notBillable,
    });
    return { counts, errors };
  }
}

function mapRow(
  fields: string[],
  notUtf8: boolean,
  read: RowReader,
  fits: (n: number) => boolean,
): MappedRow {
  if (!fits(fields.length))
    return {
      kind: 'rejected',
      reason: `${fields.length} columns: not a row of this format`,
      unreadable: true,
    };
  if (notUtf8) return { kind: 'rejected', reason: 'not valid UTF-8', unreadable: true };
  return read(fields);
}

/** Whether most rows of a chunk are not rows of the declared format at all. */
export function mostlyUnreadable(rows: NumberedRow[], fits: (n: number) => boolean): boolean {
  const unreadable = rows.filter((row) => !fits(row.fields.length) || row.notUtf8).length;
  return unreadable * 2 > rows.length;
}
