import { callRow, type MappedRow, rejectedRow, type SwitchContext } from '../cdr-row';
import { CdrFileUnreadableError } from '../cdr-file.errors';
import { rowCallId } from '../row-call-id';
import { readSwitchTime } from '../switch-local-time';
import { destinationOf, switchNumber } from '../switch-number';
import type { CdrFormat, RowReader } from './cdr-format';

const COLUMNS = ['callId', 'phoneNumber', 'destination', 'startedAt'];
const WITH_OFFSET = /(Z|[+-]\d{2}:?\d{2})$/i;

/**
 * This service's own CSV, with a header: `callId,phoneNumber,destination,startedAt,durationSeconds`
 * (or `minutes` for the last column). `startedAt` with an offset is that instant; without one it is
 * read in the file's time zone. An empty callId is the row's hash, as for the switches.
 */
export class OwnCsvFormat implements CdrFormat {
  readonly name = 'csv';
  readonly hasHeader = true;

  fits(columns: number): boolean {
    return columns === 5;
  }

  open(context: SwitchContext, header: string[] | null): RowReader {
    const names = (header ?? []).map((name) => name.trim());
    const unit = names[4];
    if (names.length !== 5 || COLUMNS.some((name, index) => names[index] !== name) || !isUnit(unit))
      throw new CdrFileUnreadableError(
        `the header must be ${COLUMNS.join(',')},durationSeconds (or minutes), not ${JSON.stringify(names.join(','))}`,
      );
    const maxValue = unit === 'minutes' ? context.maxSeconds / 60 : context.maxSeconds;
    return (fields) => readRow(fields, context, unit, maxValue);
  }
}

function isUnit(name: string | undefined): name is 'durationSeconds' | 'minutes' {
  return name === 'durationSeconds' || name === 'minutes';
}

function readRow(
  fields: string[],
  context: SwitchContext,
  unit: 'durationSeconds' | 'minutes',
  maxValue: number,
): MappedRow {
  const [rawCallId, caller, dialled, started, duration] = fields.map((field) => field.trim());
  const callId = rawCallId === '' ? rowCallId(context.source, '', fields) : rawCallId;
  if (callId === null) return rejectedRow('no callId');
  if (!/^-?\d{1,9}$/.test(duration))
    return rejectedRow(`${unit} ${JSON.stringify(duration)} is not a whole number`);
  const value = Number(duration);
  if (value < 0 || value > maxValue) return rejectedRow(`${unit} ${value} is not between 0 and ${maxValue}`);
  const startedAt = WITH_OFFSET.test(started)
    ? instantWithOffset(started)
    : readSwitchTime(started, context.timezone);
  if ('problem' in startedAt) return rejectedRow(`startedAt: ${startedAt.problem}`);
  if (value === 0) return { kind: 'not-billable', callId, startedAt: startedAt.instant, seconds: 0 };
  const phoneNumber = switchNumber(caller, context.country);
  if (phoneNumber === null)
    return rejectedRow(`phoneNumber ${JSON.stringify(caller)} is not a valid phone number`);
  const durationSeconds = unit === 'minutes' ? value * 60 : value;
  return callRow({ callId, phoneNumber, dialled, startedAt: startedAt.instant, durationSeconds }, (number) =>
    destinationOf(number, context.country),
  );
}

function instantWithOffset(text: string): { instant: Date } | { problem: string } {
  const time = Date.parse(text);
  return Number.isNaN(time)
    ? { problem: `${JSON.stringify(text)} is not an ISO 8601 instant` }
    : { instant: new Date(time) };
}
