import { Global, Module } from '@nestjs/common';
import { AuditEventRepository } from './application/audit-event.repository';
import { AuditTrail } from '../shared/audit/audit-trail';
import { ContextualAuditTrail } from './application/contextual-audit-trail';
import { ListAuditEventsQuery } from './application/list-audit-events.query';
import { AuditEventsController } from './http/audit-events.controller';
import { MikroOrmAuditEventRepository } from './infrastructure/mikro-orm-audit-event.repository';

/**
 * The audit trail: every module records its changes through the `AuditTrail` port, inside the
 * change's unit of work. Global, since every module that changes something needs it.
 */
@Global()
@Module({
  controllers: [AuditEventsController],
  providers: [
    // Use cases
    ListAuditEventsQuery,
    { provide: AuditTrail, useClass: ContextualAuditTrail },
    // Adapters
    { provide: AuditEventRepository, useClass: MikroOrmAuditEventRepository },
  ],
  exports: [AuditTrail],
})
export class AuditModule {}
