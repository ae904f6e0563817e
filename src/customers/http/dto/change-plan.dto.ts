import { PLAN_CODE_PATTERN } from '../../../billing-plans';
import { TextField } from '../../../shared/http/fields';

export class ChangePlanDto {
  @TextField({
    maxLength: 64,
    domainPattern: PLAN_CODE_PATTERN,
    example: 'flat',
    description: 'A plan code from GET /v1/plans',
  })
  plan!: string;
}
