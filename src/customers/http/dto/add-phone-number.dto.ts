import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength } from 'class-validator';

export class AddPhoneNumberDto {
  @ApiProperty({ example: '+351912345679' })
  @IsString()
  @MaxLength(64)
  number!: string;
}
