import { Module } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { AppConfiguration } from '../config';
import { AuthenticateCallerQuery } from './application/authenticate-caller.query';
import { CustomerApiKeyRepository } from './application/customer-api-key.repository';
import { CustomerKeyVersionQuery } from './application/customer-key-version.query';
import { IssueCustomerKeyUseCase } from './application/issue-customer-key.use-case';
import { RotateCustomerKeyUseCase } from './application/rotate-customer-key.use-case';
import { ApiKeyGuard } from './http/api-key.guard';
import { CustomerApiKeyController } from './http/customer-api-key.controller';
import { RequestScopeInterceptor } from './http/request-scope.interceptor';
import { PerKeyThrottlerGuard, throttlerOptions } from './http/per-key-throttler.guard';
import { MikroOrmCustomerApiKeyRepository } from './infrastructure/mikro-orm-customer-api-key.repository';

/** API keys: who may call which route, and how often. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [AppConfiguration],
      useFactory: (config: AppConfiguration) => throttlerOptions(config),
    }),
  ],
  controllers: [CustomerApiKeyController],
  providers: [
    // Use cases
    AuthenticateCallerQuery,
    IssueCustomerKeyUseCase,
    RotateCustomerKeyUseCase,
    CustomerKeyVersionQuery,
    // Adapters
    { provide: CustomerApiKeyRepository, useClass: MikroOrmCustomerApiKeyRepository },
    // Global guards, in this order: who is calling and may they (401/403/404), then how often (429).
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: PerKeyThrottlerGuard },
    // Each handler runs in its request's scope: request id and caller, for the audit trail.
    { provide: APP_INTERCEPTOR, useClass: RequestScopeInterceptor },
  ],
  exports: [IssueCustomerKeyUseCase, AuthenticateCallerQuery, CustomerKeyVersionQuery],
})
export class AuthModule {}
