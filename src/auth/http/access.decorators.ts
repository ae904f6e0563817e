import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth, ApiExtension } from '@nestjs/swagger';
import { ApiProblems } from '../../shared/http/api-problems.decorator';

/**
 * Which key a route takes. Every route declares one; a route that declares none is treated as
 * operator-only by the guard (and documented so), so a forgotten decorator fails closed.
 */
export type Access =
  | { kind: 'public' }
  | { kind: 'operator' }
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
  customer:
    "Operator key, or the key of the customer in the path; another customer's key gets 404, as for a customer that does not exist.",
  owner:
    'Operator key, or the key of the customer it belongs to; any other customer key gets 404, as for one that does not exist.',
  any: 'Operator key or any customer key.',
};

function declare(
  access: Exclude<Access, { kind: 'public' }>,
  ...problems: number[]
): MethodDecorator & ClassDecorator {
  return applyDecorators(
    SetMetadata(ACCESS_METADATA, access),
    ApiBearerAuth(),
    ApiExtension(ACCESS_EXTENSION, { takes: access.kind, note: ACCESS_NOTES[access.kind] }),
    ApiProblems(401, ...problems),
  );
}

/** No key needed (health, docs). */
export const Public = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ACCESS_METADATA, { kind: 'public' });

/** Only the operator key; a customer key gets 403. */
export const OperatorOnly = (): MethodDecorator & ClassDecorator => declare({ kind: 'operator' }, 403);

/** The operator, or the customer whose id is the path parameter `param`; other customers get 404. */
export const CustomerScoped = (param = 'customerId'): MethodDecorator & ClassDecorator =>
  declare({ kind: 'customer', param }, 404);

/**
 * The operator or any customer key, for a resource found by its own id (an invoice): the handler
 * passes `@CurrentCaller()` on so the use case answers 404 for another customer's resource.
 */
export const OwnedByCaller = (): MethodDecorator & ClassDecorator => declare({ kind: 'owner' }, 404);

/** Any valid key, operator or customer (shared, non-personal data such as the plan catalog). */
export const AnyKey = (): MethodDecorator & ClassDecorator => declare({ kind: 'any' });
