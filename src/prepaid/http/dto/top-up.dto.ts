import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TextField } from '../../../shared/http/fields';
import { MoneyResponse } from '../../../shared/http/money.response';
import { integer } from '../../../shared/http/schema-fragments';
import { MAX_TOP_UP_REFERENCE_LENGTH, TOP_UP_AMOUNT_PATTERN } from '../../domain/top-up';

// Amount and reference rules (positive, at most 2 decimals, up to 10000.00; 1..128 characters) are
// the domain's parseTopUp, with their own problem types.
export class TopUpDto {
  @TextField({
    maxLength: 8,
    domainPattern: TOP_UP_AMOUNT_PATTERN,
    example: '10.00',
    description: 'Positive decimal string, at most 2 decimals, up to 10000.00',
  })
  amount!: string;

  @TextField({
    maxLength: MAX_TOP_UP_REFERENCE_LENGTH,
    checkedByDomain: true,
    freeText: true,
    example: 'pay-991',
    description: 'Unique per customer: the idempotency key of the top-up',
  })
  reference!: string;
}

export class BalanceResponse {
  @ApiProperty({
    type: MoneyResponse,
    description: 'Exact; negative when calls used more than was topped up',
  })
  balance!: MoneyResponse;
}

export class BalanceWithMinutesResponse extends BalanceResponse {
  @ApiProperty({
    ...integer(0, Number.MAX_SAFE_INTEGER),
    example: 497,
    description:
      'Whole minutes the balance still buys (0 at or below zero), at the rate of `destination` when asked, else the plan rate',
  })
  remainingMinutes!: number;
  @ApiPropertyOptional({
    ...integer(0, Number.MAX_SAFE_INTEGER),
    example: 29_821,
    description:
      "Asked with `destination` only: the longest call to it, in seconds, the balance still pays in full, by that destination's rate, billing increment and connect fee now (0 at or below zero)",
  })
  remainingSeconds?: number;
}
