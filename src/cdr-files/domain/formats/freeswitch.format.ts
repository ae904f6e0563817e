import type { SwitchContext } from '../cdr-row';
import type { CdrFormat, RowReader } from './cdr-format';
import { mapSwitchRecord } from './switch-record';

/**
 * FreeSWITCH `mod_cdr_csv`, default template, no header: caller_id_name, caller_id_number,
 * destination_number, context, start_stamp, answer_stamp, end_stamp, duration, billsec,
 * hangup_cause, uuid, bleg_uuid, accountcode, read_codec, write_codec. A call not answered has
 * billsec 0.
 */
export class FreeswitchFormat implements CdrFormat {
  readonly name = 'freeswitch';
  readonly hasHeader = false;

  fits(columns: number): boolean {
    return columns === 15;
  }

  open(context: SwitchContext): RowReader {
    return (fields) =>
      mapSwitchRecord(
        {
          fields,
          caller: fields[1],
          destination: fields[2],
          start: fields[4],
          answer: fields[5],
          billsec: fields[8],
          answered: fields[5].trim() !== '',
          switchId: fields[10],
        },
        context,
      );
  }
}
