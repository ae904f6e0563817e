import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OperatorOnly } from '../../auth';
import { CustomerNotFoundError } from '../../customers';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { NoQuery } from '../../shared/http/no-query.decorator';
import { RequestValidationError } from '../../shared/http/request-validation.error';
import { EXAMPLE_UUID } from '../../shared/http/schema-fragments';
import { UuidParamPipe } from '../../shared/http/uuid-param.pipe';
import { CreatePortalLinkUseCase } from '../application/create-portal-link.use-case';
import { PortalSessionResponse } from './dto/portal-session.response';

const UNKNOWN_BODY_FIELD = new RequestValidationError([{ field: 'note', message: 'is not a known field' }]);

@ApiTags('portal')
@Controller('v1/customers/:customerId/portal-sessions')
export class PortalSessionsController {
  constructor(private readonly createLink: CreatePortalLinkUseCase) {}

  @Post()
  @OperatorOnly()
  @ApiOperation({
    summary: 'Create a sign-in link to the customer portal (operator)',
    description:
      'Answers a single-use link valid PORTAL_LINK_TTL_SECONDS (default 900). Opening it starts a portal session for the customer (an HttpOnly, SameSite=Lax cookie, Secure unless PORTAL_COOKIE_SECURE=false, lasting PORTAL_SESSION_TTL_SECONDS) and shows their account; a used, expired or revoked link shows a page saying so and starts nothing. Rotating the customer API key ends its sessions and revokes its unused links. Takes no body (an empty object is fine).',
  })
  @ApiBody({
    required: false,
    description: 'Nothing, or an empty object',
    schema: { type: 'object', properties: {}, additionalProperties: false, maxProperties: 0 },
  })
  @ApiCreatedResponse({ type: PortalSessionResponse })
  @ApiProblems(UNKNOWN_BODY_FIELD.toProblem(), new CustomerNotFoundError(EXAMPLE_UUID))
  async create(
    @Param('customerId', new UuidParamPipe('customerId')) customerId: string,
    @NoQuery() _query: void,
    @Body() body: unknown,
  ): Promise<PortalSessionResponse> {
    assertNoFields(body);
    const link = await this.createLink.execute(customerId);
    return { url: link.url, expiresAt: link.expiresAt.toISOString() };
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
