import { TextField } from '../../../shared/http/fields';

/** A number as a switch dials it, international (`+44...`) or national (`07700 900123`). */
const DIALLED_NUMBER = /^\+?[0-9 ().-]{1,31}$/;

export class BalanceQueryDto {
  @TextField({
    optional: true,
    maxLength: 32,
    pattern: DIALLED_NUMBER,
    patternMessage:
      'must be a dialled number: digits, with an optional leading + and spaces, dots, dashes or brackets',
    example: '+447700900123',
    description:
      "The number a call is about to dial: adds remainingSeconds, by that destination's rate, billing increment and connect fee now. In a query string write the + as %2B",
  })
  destination?: string;
}
