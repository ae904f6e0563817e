export { CustomersModule } from './customers.module';
export { CustomerDirectory, type CustomerProfile } from './application/customer-directory';
export { LineCalls } from './application/line-calls.port';
export { CustomerNotFoundError } from './domain/customer.errors';
export { LineAssignments } from './application/line-assignments.port';
