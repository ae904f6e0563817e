import { INTERNATIONAL_NUMBER_PATTERN } from '../../../shared/domain/phone-number';
import { TextField } from '../../../shared/http/fields';
import { SUSPENSE_REASONS } from '../../domain/suspended-call';
import { REASON_PATTERN } from './suspended-calls.query.dto';

export class ReprocessDto {
  @TextField({
    optional: true,
    maxLength: 32,
    pattern: REASON_PATTERN,
    patternMessage: `must be one of ${SUSPENSE_REASONS.join(', ')}`,
    example: 'no-rate',
    description: 'Only the calls held for this reason (default: all)',
  })
  reason?: string;

  @TextField({
    optional: true,
    maxLength: 64,
    domainPattern: INTERNATIONAL_NUMBER_PATTERN,
    example: '+351912345678',
    description: 'Only the calls from this line (default: all)',
  })
  phoneNumber?: string;
}

export class WriteOffDto {
  @TextField({
    maxLength: 500,
    freeText: true,
    example: 'test line',
    description: 'Why the call will never be charged (kept with it and in the audit trail)',
  })
  note!: string;
}
