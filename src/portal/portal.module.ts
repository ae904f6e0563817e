import { DynamicModule, Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { BillingPlansModule } from '../billing-plans/billing-plans.module';
import { CallsModule } from '../calls/calls.module';
import { CustomersModule } from '../customers/customers.module';
import { PrepaidModule } from '../prepaid/prepaid.module';
import { CreatePortalLinkUseCase } from './application/create-portal-link.use-case';
import { CurrentSessionQuery } from './application/current-session.query';
import { EnterWithLinkUseCase } from './application/enter-with-link.use-case';
import { ExportPeriodCallsQuery } from './application/export-period-calls.query';
import { PortalCallsQuery } from './application/portal-calls.query';
import { PortalInvoicesQuery } from './application/portal-invoices.query';
import { PortalOverviewQuery } from './application/portal-overview.query';
import { PortalSessionRepository } from './application/portal-session.repository';
import { SignInWithKeyUseCase } from './application/sign-in-with-key.use-case';
import { SignOutUseCase } from './application/sign-out.use-case';
import { PortalAssetsController } from './http/portal-assets.controller';
import { PortalPagesController } from './http/portal-pages.controller';
import { PortalSessionsController } from './http/portal-sessions.controller';
import { PortalSignInController } from './http/portal-sign-in.controller';
import { LoginThrottleGuard } from './http/login-throttle.guard';
import { SignedInGuard } from './http/signed-in.guard';
import { MikroOrmPortalSessionRepository } from './infrastructure/mikro-orm-portal-session.repository';

/**
 * The customer portal: customers read their account, calls and invoices in a browser, signed in
 * by an operator's link or their API key. It reads every other module through its public queries.
 */
@Module({})
export class PortalModule {
  /**
   * `invoicing` and `invoiceDelivery`: those modules as the application wired them, so that the
   * portal reads the same instances (their `forRoot` takes collaborators of their own).
   */
  static forRoot(options: { invoicing: DynamicModule; invoiceDelivery: DynamicModule }): DynamicModule {
    return {
      module: PortalModule,
      imports: [
        AuthModule,
        CustomersModule,
        BillingPlansModule,
        CallsModule,
        PrepaidModule,
        options.invoicing,
        options.invoiceDelivery,
      ],
      controllers: [
        PortalSessionsController,
        PortalSignInController,
        PortalPagesController,
        PortalAssetsController,
      ],
      providers: [
        // Use cases
        CreatePortalLinkUseCase,
        EnterWithLinkUseCase,
        SignInWithKeyUseCase,
        SignOutUseCase,
        CurrentSessionQuery,
        PortalOverviewQuery,
        PortalCallsQuery,
        ExportPeriodCallsQuery,
        PortalInvoicesQuery,
        // Adapters
        { provide: PortalSessionRepository, useClass: MikroOrmPortalSessionRepository },
        SignedInGuard,
        LoginThrottleGuard,
      ],
    };
  }
}
