import type { MappedRow, SwitchContext } from '../cdr-row';
import { callRow, rejectedRow } from '../cdr-row';
import { rowCallId } from '../row-call-id';
import { destinationOf, switchNumber } from '../switch-number';
import { readSwitchTime } from '../switch-local-time';

/** The fields every switch format names, whatever their columns. */
export interface SwitchRecordFields {
  fields: string[];
  /** uniqueid / uuid; empty when the switch wrote none. */
  switchId: string;
  caller: string;
  destination: string;
  start: string;
  answer: string;
  billsec: string;
  /** Asterisk's disposition said ANSWERED (other formats: true). */
  answered: boolean;
}

/**
 * API.md "Switch CDR files", Mapping: the line is the caller, the call starts when it was answered,
 * `billsec` is its duration; numbers without `+` are national in the context's country, times are
 * the switch's wall clock in its zone. A record not answered or billed 0 s is not billable.
 */
export function mapSwitchRecord(record: SwitchRecordFields, context: SwitchContext): MappedRow {
  const callId = rowCallId(context.source, record.switchId, record.fields);
  if (callId === null)
    return rejectedRow(`the switch's id ${JSON.stringify(record.switchId)} is not usable in a callId`);
  if (!/^-?\d{1,9}$/.test(record.billsec.trim()))
    return rejectedRow(`billsec ${JSON.stringify(record.billsec)} is not a whole number of seconds`);
  const billsec = Number(record.billsec.trim());
  if (billsec < 0) return rejectedRow(`billsec ${billsec} is negative`);
  if (billsec > context.maxSeconds)
    return rejectedRow(`billsec ${billsec} is over MAX_CALL_MINUTES × 60 (${context.maxSeconds})`);

  if (!record.answered || billsec === 0) {
    const start = readSwitchTime(record.start.trim(), context.timezone);
    if ('problem' in start) return rejectedRow(`start: ${start.problem}`);
    return { kind: 'not-billable', callId, startedAt: start.instant, seconds: billsec };
  }
  const phoneNumber = switchNumber(record.caller, context.country);
  if (phoneNumber === null)
    return rejectedRow(
      `the caller ${JSON.stringify(record.caller)} is not a valid phone number${
        context.country === null && !record.caller.trim().startsWith('+')
          ? ' (national, and no country given)'
          : ''
      }`,
    );
  const answer = readSwitchTime(record.answer.trim(), context.timezone);
  if ('problem' in answer) return rejectedRow(`answer: ${answer.problem}`);
  return callRow(
    {
      callId,
      phoneNumber,
      dialled: record.destination.trim(),
      startedAt: answer.instant,
      durationSeconds: billsec,
    },
    (number) => destinationOf(number, context.country),
  );
}
