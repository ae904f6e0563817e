import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { ArrayMaxSize, IsArray, IsEmail, IsOptional, IsString, Length, MaxLength } from 'class-validator';

export class RegisterCustomerDto {
  @ApiProperty({ example: 'Ada Lovelace', minLength: 1, maxLength: 200 })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiPropertyOptional({ example: 'ada@example.com', nullable: true })
  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  email?: string | null;

  @ApiPropertyOptional({
    example: 'Europe/Lisbon',
    description: 'IANA time zone; billing periods are calendar months in it. Default BILLING_TIMEZONE.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;

  @ApiPropertyOptional({
    example: 'postpaid',
    description: 'A plan code from GET /v1/plans. Default DEFAULT_PLAN.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  plan?: string;

  @ApiPropertyOptional({
    example: ['+351912345678'],
    description: 'Lines of this customer; parsed and normalised to E.164.',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsString({ each: true })
  phoneNumbers?: string[];
}
