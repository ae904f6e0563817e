import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { CallView } from '../../calls';
import { destinationGroupOf } from './presenters';
import { localIso } from './view-format';

export const CALLS_CSV_COLUMNS = [
  'started_at',
  'line',
  'destination',
  'destination_group',
  'minutes',
  'duration_seconds',
  'billed_seconds',
  'rate_per_minute',
  'charge',
  'currency',
  'call_id',
] as const;

/**
 * A text a spreadsheet would run as a formula (`=`, `@`, a tab or carriage return first, or `+`/`-`
 * before anything but a number) gets a leading `'`, so it shows as text. Phone numbers and amounts
 * (`+14155550100`, `-0.10`) are left as they are.
 */
export function spreadsheetSafe(text: string): string {
  if (/^[=@\t\r]/.test(text)) return `'${text}`;
  if (/^[+-]/.test(text) && !/^[+-][\d ().-]*$/.test(text)) return `'${text}`;
  return text;
}

/**
 * A period's calls as CSV (RFC 4180, written by csv-stringify, UTF-8 with a BOM so spreadsheets
 * read names right): one header row, then one row per call in the order given (newest first).
 * Times carry the customer's offset; charges and rates are exact decimals, durations in seconds.
 */
export function callsCsv(calls: AsyncIterable<CallView>, zone: string): Readable {
  const rows = Readable.from(
    (async function* () {
      for await (const call of calls)
        yield [
          localIso(new Date(call.startedAt), zone),
          call.phoneNumber,
          spreadsheetSafe(call.destination ?? ''),
          spreadsheetSafe(destinationGroupOf(call)),
          String(call.minutes),
          String(call.durationSeconds),
          String(call.billedSeconds),
          call.rate.ratePerMinute,
          call.charge.amount,
          call.charge.currency,
          spreadsheetSafe(call.callId),
        ];
    })(),
  );
  return rows.pipe(
    stringify({ header: true, columns: [...CALLS_CSV_COLUMNS], bom: true, record_delimiter: 'windows' }),
  );
}
