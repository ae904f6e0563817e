import { Injectable } from '@nestjs/common';
import { Customer } from '../domain/customer';
import { CustomerNotFoundError } from '../domain/customer.errors';
import { CustomerRepository } from './customer.repository';

@Injectable()
export class GetCustomerQuery {
  constructor(private readonly customers: CustomerRepository) {}

  async execute(customerId: string): Promise<Customer> {
    const customer = await this.customers.findById(customerId);
    if (!customer) throw new CustomerNotFoundError(customerId);
    return customer;
  }
}
