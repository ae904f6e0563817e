export { AuditModule } from './audit.module';
export { ContextualAuditTrail } from './application/contextual-audit-trail';
