export { CustomersModule } from './customers.module';
export { CustomerDirectory, type CustomerProfile } from './application/customer-directory';
export { CustomerNotFoundError } from './domain/customer.errors';
