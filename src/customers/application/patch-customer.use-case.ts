import { Injectable } from '@nestjs/common';
import { BillingAddress } from '../domain/billing-address';
import { Customer } from '../domain/customer';
import { CustomerRepository } from './customer.repository';
import { GetCustomerQuery } from './get-customer.query';

/** A JSON merge patch (RFC 7396) of what an operator may change on a customer after creating it. */
export interface CustomerPatch {
  /** null removes the address; an object is merged into the current one (its null fields removed). */
  billingAddress?: unknown;
}

@Injectable()
export class PatchCustomerUseCase {
  constructor(
    private readonly customers: CustomerRepository,
    private readonly getCustomer: GetCustomerQuery,
  ) {}

  async execute(customerId: string, patch: CustomerPatch): Promise<Customer> {
    const customer = await this.getCustomer.execute(customerId);
    if (patch.billingAddress === undefined) return customer;
    customer.changeBillingAddress(
      patch.billingAddress === null
        ? null
        : BillingAddress.merged(customer.billingAddress, patch.billingAddress),
    );
    await this.customers.saveBillingAddress(customer);
    return customer;
  }
}
