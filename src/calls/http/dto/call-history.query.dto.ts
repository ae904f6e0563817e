import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsISO8601, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { PageQueryDto } from '../../../shared/http/page-query.dto';

export class CallHistoryQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ example: '2026-10', description: 'A calendar month in the customer time zone' })
  @IsOptional()
  @Matches(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'period must be YYYY-MM' })
  period?: string;

  @ApiPropertyOptional({ example: '2026-10-01T00:00:00Z', description: 'Inclusive ISO instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  from?: string;

  @ApiPropertyOptional({ example: '2026-11-01T00:00:00Z', description: 'Exclusive ISO instant' })
  @IsOptional()
  @IsISO8601({ strict: true })
  to?: string;

  @ApiPropertyOptional({ example: '+351912345678' })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  phoneNumber?: string;
}
