import { ApiProperty } from '@nestjs/swagger';
import { IsString } from 'class-validator';
import { MoneyResponse } from '../../../shared/http/money.response';

// Amount rules (positive, at most 2 decimals, up to 10000.00) are the domain's parseTopUp.
export class TopUpDto {
  @ApiProperty({
    example: '10.00',
    description: 'Positive decimal string, at most 2 decimals, up to 10000.00',
  })
  @IsString()
  amount!: string;

  @ApiProperty({ example: 'pay-991', description: 'Unique per customer: the idempotency key of the top-up' })
  @IsString()
  reference!: string;
}

export class BalanceResponse {
  @ApiProperty({ type: MoneyResponse, example: { amount: '9.94', currency: 'USD' } })
  balance!: MoneyResponse;
}

export class BalanceWithMinutesResponse extends BalanceResponse {
  @ApiProperty({ example: 497, description: 'Whole minutes the balance still buys (0 at or below zero)' })
  remainingMinutes!: number;
}
