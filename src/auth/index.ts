export { AuthModule } from './auth.module';
export { IssueCustomerKeyUseCase } from './application/issue-customer-key.use-case';
export { AuthenticateCallerQuery } from './application/authenticate-caller.query';
export { CustomerKeyVersionQuery } from './application/customer-key-version.query';
export { type Caller, ownCustomerOf } from './domain/caller';
export {
  AnyKey,
  CustomerScoped,
  OperatorOnly,
  OperatorOrMetricsToken,
  OwnedByCaller,
  Public,
} from './http/access.decorators';
export { CurrentCaller } from './http/request-caller';
export { bearerTokenOf } from './http/api-key.guard';
export { documentApiKeys } from './http/document-api-keys';
export { CUSTOMER_API_KEY } from './http/dto/customer-api-key.response';
