import type { SwitchContext } from '../cdr-row';
import type { CdrFormat, RowReader } from './cdr-format';
import { mapSwitchRecord } from './switch-record';

/**
 * Asterisk `Master.csv` (cdr_csv), no header: accountcode, src, dst, dcontext, clid, channel,
 * dstchannel, lastapp, lastdata, start, answer, end, duration, billsec, disposition, amaflags, and
 * optionally uniqueid and userfield.
 */
export class AsteriskFormat implements CdrFormat {
  readonly name = 'asterisk';
  readonly hasHeader = false;

  fits(columns: number): boolean {
    return columns >= 16 && columns <= 18;
  }

  open(context: SwitchContext): RowReader {
    return (fields) =>
      mapSwitchRecord(
        {
          fields,
          caller: fields[1],
          destination: fields[2],
          start: fields[9],
          answer: fields[10],
          billsec: fields[13],
          answered: fields[14].trim() === 'ANSWERED',
          switchId: fields[16] ?? '',
        },
        context,
      );
  }
}
