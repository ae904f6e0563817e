import { PERIOD_PATTERN } from '../../../shared/domain/billing-period';
import { InstantField, PhoneNumberQueryField, TextField } from '../../../shared/http/fields';
import { PageQueryDto } from '../../../shared/http/page-query.dto';

export class CallHistoryQueryDto extends PageQueryDto {
  @TextField({
    optional: true,
    maxLength: 7,
    pattern: PERIOD_PATTERN,
    patternMessage: 'must be a month written YYYY-MM, e.g. 2026-10',
    example: '2026-10',
    description: 'A calendar month in the customer time zone (not with from/to)',
  })
  period?: string;

  @InstantField({
    optional: true,
    example: '2026-10-01T00:00:00Z',
    description: 'Inclusive ISO 8601 instant',
  })
  from?: string;

  @InstantField({
    optional: true,
    example: '2026-11-01T00:00:00Z',
    description: 'Exclusive ISO 8601 instant',
  })
  to?: string;

  @PhoneNumberQueryField({
    name: 'phoneNumber',
    example: '+351912345678',
    description:
      'Only calls from this line. In a query string write the + as %2B: ?phoneNumber=%2B351912345678',
  })
  phoneNumber?: string;
}
