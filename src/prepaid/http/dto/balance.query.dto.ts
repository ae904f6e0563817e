import { TextField } from '../../../shared/http/fields';

export class BalanceQueryDto {
  @TextField({
    optional: true,
    maxLength: 32,
    freeText: true,
    example: '+447700900123',
    description:
      "The number a call is about to dial: adds remainingSeconds, by that destination's rate, billing increment and connect fee now. In a query string write the + as %2B",
  })
  destination?: string;
}
