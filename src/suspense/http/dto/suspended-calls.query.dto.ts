import { PhoneNumberQueryField, TextField } from '../../../shared/http/fields';
import { PageQueryDto } from '../../../shared/http/page-query.dto';
import { SUSPENSE_REASONS, SUSPENSE_STATUSES } from '../../domain/suspended-call';

export const REASON_PATTERN = new RegExp(`^(${SUSPENSE_REASONS.join('|')})$`);
const STATUS_PATTERN = new RegExp(`^(${SUSPENSE_STATUSES.join('|')})$`);

export class SuspendedCallsQueryDto extends PageQueryDto {
  @TextField({
    optional: true,
    maxLength: 32,
    pattern: REASON_PATTERN,
    patternMessage: `must be one of ${SUSPENSE_REASONS.join(', ')}`,
    example: 'unknown-phone-number',
    description: 'Only calls held for this reason',
  })
  reason?: string;

  @PhoneNumberQueryField({
    name: 'phoneNumber',
    example: '+351912345678',
    description:
      'Only calls from this line. In a query string write the + as %2B: ?phoneNumber=%2B351912345678',
  })
  phoneNumber?: string;

  @TextField({
    optional: true,
    maxLength: 16,
    pattern: STATUS_PATTERN,
    patternMessage: `must be one of ${SUSPENSE_STATUSES.join(', ')}`,
    example: 'suspended',
    description: 'Only calls in this state',
  })
  status?: string;
}
