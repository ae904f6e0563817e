import { Injectable } from '@nestjs/common';
import { decodeCursor, Page, PageRequest, toPage } from '../../shared/pagination/page';
import { Customer } from '../domain/customer';
import { CustomerRepository } from './customer.repository';

@Injectable()
export class ListCustomersQuery {
  constructor(private readonly customers: CustomerRepository) {}

  async execute({ limit, cursor }: PageRequest): Promise<Page<Customer>> {
    const after = cursor ? decodeCursor(cursor, { createdAt: 'instant', id: 'uuid' }) : null;
    const rows = await this.customers.list(
      limit + 1,
      after ? { createdAt: new Date(after.createdAt), id: after.id } : null,
    );
    return toPage(rows, limit, (customer) => ({
      createdAt: customer.createdAt.toISOString(),
      id: customer.id,
    }));
  }
}
