import { INTERNATIONAL_NUMBER_PATTERN } from '../../../shared/domain/phone-number';
import { InstantField, TextField } from '../../../shared/http/fields';

export class AddPhoneNumberDto {
  @TextField({
    maxLength: 64,
    domainPattern: INTERNATIONAL_NUMBER_PATTERN,
    example: '+351912345679',
    description: 'An international number; stored in E.164',
  })
  number!: string;

  @InstantField({
    optional: true,
    example: '2026-11-01T00:00:00Z',
    description:
      "When the line becomes the customer's (ISO 8601 with an offset). Without it, since always: also for every earlier call",
  })
  from?: string;
}
