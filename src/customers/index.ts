export { CustomersModule } from './customers.module';
export { CustomerDirectory, type CustomerProfile } from './application/customer-directory';
