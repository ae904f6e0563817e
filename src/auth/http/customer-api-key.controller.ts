import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { NoQuery } from '../../shared/http/no-query.decorator';
import { RequestValidationError } from '../../shared/http/request-validation.error';
import { UuidParamPipe } from '../../shared/http/uuid-param.pipe';
import { RotateCustomerKeyUseCase } from '../application/rotate-customer-key.use-case';
import { CustomerScoped } from './access.decorators';
import { CustomerApiKeyResponse } from './dto/customer-api-key.response';

const UNKNOWN_BODY_FIELD = new RequestValidationError([{ field: 'note', message: 'is not a known field' }]);

@ApiTags('customers')
@Controller('v1/customers/:customerId/api-key')
export class CustomerApiKeyController {
  constructor(private readonly rotateKey: RotateCustomerKeyUseCase) {}

  @Post()
  @CustomerScoped('customerId')
  @ApiOperation({
    summary: "Rotate a customer's API key",
    description:
      'Issues a new key and returns it once; the previous key stops working at once. A customer may rotate its own key. Takes no body (an empty object is fine).',
  })
  @ApiBody({
    required: false,
    description: 'Nothing, or an empty object',
    schema: { type: 'object', properties: {}, additionalProperties: false, maxProperties: 0 },
  })
  @ApiCreatedResponse({ type: CustomerApiKeyResponse })
  @ApiProblems(UNKNOWN_BODY_FIELD.toProblem())
  async rotate(
    @Param('customerId', new UuidParamPipe('customerId')) customerId: string,
    @NoQuery() _query: void,
    @Body() body: unknown,
  ): Promise<CustomerApiKeyResponse> {
    assertNoFields(body);
    return { customerId, apiKey: await this.rotateKey.execute(customerId) };
  }
}

/** Like every endpoint, refuses fields it does not know: here, all of them. */
function assertNoFields(body: unknown): void {
  if (body === undefined) return;
  if (typeof body !== 'object' || body === null || Array.isArray(body))
    throw new RequestValidationError([{ field: 'body', message: 'must be empty or {}' }]);
  const fields = Object.keys(body);
  if (fields.length > 0)
    throw new RequestValidationError(fields.map((field) => ({ field, message: 'is not a known field' })));
}
