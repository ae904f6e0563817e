import { TextField } from '../../../shared/http/fields';
import { MONTH_PATTERN } from '../../domain/utc-month';

export class ReconciliationQueryDto {
  @TextField({
    maxLength: 7,
    domainPattern: MONTH_PATTERN,
    example: '2026-10',
    description: 'A calendar month in UTC (YYYY-MM, from 1970-01): the calls that started in it',
  })
  month!: string;
}
