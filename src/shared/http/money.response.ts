import { ApiProperty } from '@nestjs/swagger';

export class MoneyResponse {
  @ApiProperty({ example: '12.34', description: 'Exact decimal string, never a JSON number' })
  amount!: string;
  @ApiProperty({ example: 'USD' })
  currency!: string;
}
