import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import type { DomainError } from '../../shared/domain/domain-error';
import { ApiProblems } from '../../shared/http/api-problems.decorator';
import { EXAMPLE_UUID } from '../../shared/http/schema-fragments';
import {
  CustomerNotVisibleError,
  InvalidApiKeyError,
  MissingApiKeyError,
  OperatorKeyRequiredError,
} from '../domain/auth.errors';

/**
 * Which key a route takes. Every route declares one; a route that declares none is treated as
 * operator-only by the guard (and documented so), so a forgotten decorator fails closed.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'operator' }
  /** The operator, or METRICS_TOKEN (a key for this route alone, held by the metrics scraper). */
  | { kind: 'metrics' }
  /** The operator, or the customer named by this path parameter; any other customer key gets 404. */
  | { kind: 'customer'; param: string }
  /** The operator or any customer key; the handler reads only the caller's own resources. */
  | { kind: 'owner' }
  | { kind: 'any' };

export const ACCESS_METADATA = 'phone-billing:access';
/** OpenAPI extension naming the key an operation takes; `setUpOpenApi` turns it into a note. */
export const ACCESS_EXTENSION = 'x-api-key';

export const ACCESS_NOTES: Record<Exclude<Access['kind'], 'public'>, string> = {
  operator: 'Operator key only; a customer key gets 403.',
  metrics: 'Operator key, or METRICS_TOKEN when it is set; a customer key gets 403.',
  customer:
    "Operator key, or the key of the customer in the path; another customer's key gets 404, as for a customer that does not exist.",
  owner:
    'Operator key, or the key of the customer it belongs to; any other customer key gets 404, as for one that does not exist.',
  any: 'Operator key or any customer key.',
};

function declare(
  access: Exclude<Access, { kind: 'public' }>,
  ...problems: DomainError[]
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_METADATA, access),
    ApiBearerAuth(),
    ApiExtension(ACCESS_EXTENSION, { takes: access.kind, note: ACCESS_NOTES[access.kind] }),
    ApiProblems(new MissingApiKeyError(), new InvalidApiKeyError(), ...problems),
  );
}

/** No key needed (health, docs). */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_METADATA, { kind: 'public' });

/** Only the operator key; a customer key gets 403. */
export const OperatorOnly = (): MethodDecorator & ClassDecorator =>
  declare({ kind: 'operator' }, new OperatorKeyRequiredError());

/** The operator key or METRICS_TOKEN (GET /metrics); a customer key gets 403. */
export const OperatorOrMetricsToken = (): MethodDecorator & ClassDecorator =>
  declare({ kind: 'metrics' }, new OperatorKeyRequiredError());

/** The operator, or the customer whose id is the path parameter `param`; other customers get 404. */
export const CustomerScoped = (param = 'customerId'): MethodDecorator & ClassDecorator =>
  declare({ kind: 'customer', param }, new CustomerNotVisibleError(EXAMPLE_UUID));

/**
 * The operator or any customer key, for a resource found by its own id (an invoice): the handler
 * passes `@CurrentCaller()` on so the use case answers 404 for another customer's resource (the
 * handler documents that 404 with its own error).
 */
export const OwnedByCaller = (): MethodDecorator & ClassDecorator => declare({ kind: 'owner' });

/** Any valid key, operator or customer (shared, non-personal data such as the plan catalog). */
export const AnyKey = (): MethodDecorator & ClassDecorator => declare({ kind: 'any' });
