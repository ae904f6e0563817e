import { IANA_NAME_PATTERN, MAX_TIME_ZONE_LENGTH } from '../../../shared/domain/time-zone';
import { TextField } from '../../../shared/http/fields';
import { CDR_FORMAT_NAMES } from '../../domain/formats/cdr-format.registry';
import { SOURCE_PATTERN } from '../../domain/row-call-id';

const FORMAT = new RegExp(`^(${CDR_FORMAT_NAMES.join('|')})$`);

export class ImportCdrFileQueryDto {
  @TextField({
    maxLength: 10,
    pattern: FORMAT,
    patternMessage: `must be one of ${CDR_FORMAT_NAMES.join(', ')}`,
    example: 'asterisk',
    description:
      'asterisk (Master.csv), freeswitch (mod_cdr_csv default template) or csv (this service’s own, with a header)',
  })
  format!: string;

  @TextField({
    maxLength: 48,
    pattern: SOURCE_PATTERN,
    patternMessage: 'must be 1 to 48 characters of A-Z a-z 0-9 . _ -',
    example: 'sw1',
    description: 'The switch the file comes from: prefixes every callId (sw1:<uniqueid>)',
  })
  source!: string;

  @TextField({
    optional: true,
    maxLength: MAX_TIME_ZONE_LENGTH,
    domainPattern: IANA_NAME_PATTERN,
    example: 'Europe/Lisbon',
    description: "IANA zone of the switch's clock (its timestamps have no offset); default BILLING_TIMEZONE",
  })
  timezone?: string;

  @TextField({
    optional: true,
    maxLength: 2,
    pattern: /^[A-Z]{2}$/,
    patternMessage: 'must be an ISO 3166 alpha-2 country code such as PT',
    example: 'PT',
    description: 'Country whose national format numbers without + are in; default DEFAULT_COUNTRY',
  })
  country?: string;
}
