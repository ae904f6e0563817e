import { AsteriskFormat } from './asterisk.format';
import type { CdrFormat } from './cdr-format';
import { FreeswitchFormat } from './freeswitch.format';
import { OwnCsvFormat } from './own-csv.format';

const FORMATS: CdrFormat[] = [new AsteriskFormat(), new FreeswitchFormat(), new OwnCsvFormat()];

/** The CDR formats `POST /v1/cdr-files?format=` takes, by name. */
export const CDR_FORMATS = new Map(FORMATS.map((format) => [format.name, format]));
export const CDR_FORMAT_NAMES = FORMATS.map((format) => format.name);

export type { CdrFormat, RowReader } from './cdr-format';
