import { ObjectField } from '../../../shared/http/fields';
import { billingAddressSchema } from './billing-address.dto';

/** PATCH /v1/customers/{customerId}: a JSON merge patch (RFC 7396); fields left out stay as they are. */
export class PatchCustomerDto {
  @ObjectField({
    optional: true,
    nullable: true,
    schema: billingAddressSchema('patch'),
    description:
      'null removes the address. An object is merged into the current address: its fields replace ' +
      'those stored, a field set to null is removed; the result must hold line1, city and country.',
  })
  billingAddress?: Record<string, unknown> | null;
}
