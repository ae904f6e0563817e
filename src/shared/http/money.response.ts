import { ApiProperty } from '@nestjs/swagger';
import { CURRENCY, DECIMAL } from './schema-fragments';

export class MoneyResponse {
  @ApiProperty({ ...DECIMAL, description: 'Exact decimal string, never a JSON number' })
  amount!: string;
  @ApiProperty(CURRENCY)
  currency!: string;
}
