import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class ChangePlanDto {
  @ApiProperty({ example: 'flat', description: 'A plan code from GET /v1/plans' })
  @IsString()
  @MaxLength(64)
  plan!: string;
}
