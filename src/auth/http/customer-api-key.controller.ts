import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { UuidParamPipe } from '../../shared/http/uuid-param.pipe';
import { IssueCustomerKeyUseCase } from '../application/issue-customer-key.use-case';
import { CustomerScoped } from './access.decorators';
import { CustomerApiKeyResponse, NoBodyDto } from './dto/customer-api-key.response';

@ApiTags('customers')
@Controller('v1/customers/:customerId/api-key')
export class CustomerApiKeyController {
  constructor(private readonly issueKey: IssueCustomerKeyUseCase) {}

  @Post()
  @CustomerScoped('customerId')
  @ApiOperation({
    summary: "Rotate a customer's API key",
    description:
      'Issues a new key and returns it once; the previous key stops working at once. A customer may rotate its own key.',
  })
  @ApiCreatedResponse({ type: CustomerApiKeyResponse })
  @ApiProblems(400, 404)
  async rotate(
    @Param('customerId', new UuidParamPipe('customerId')) customerId: string,
    @Body() _body: NoBodyDto,
  ): Promise<CustomerApiKeyResponse> {
    return { customerId, apiKey: await this.issueKey.execute(customerId) };
  }
}
