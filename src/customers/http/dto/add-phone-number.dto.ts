import { INTERNATIONAL_NUMBER_PATTERN } from '../../../shared/domain/phone-number';
import { TextField } from '../../../shared/http/fields';

export class AddPhoneNumberDto {
  @TextField({
    maxLength: 64,
    domainPattern: INTERNATIONAL_NUMBER_PATTERN,
    example: '+351912345679',
    description: 'An international number; stored in E.164',
  })
  number!: string;
}
