import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString } from 'class-validator';

// The format itself (YYYY-MM) is checked by the domain's BillingPeriod, with its own problem type.
export class IssueInvoiceDto {
  @ApiProperty({ example: '2026-09', description: 'A closed calendar month in the customer time zone' })
  @IsString()
  period!: string;
}

export class InvoicingRunDto {
  @ApiPropertyOptional({ example: '2026-09', description: "Default: each customer's own last closed period" })
  @IsOptional()
  @IsString()
  period?: string;
}
