/** A programming error: an audit event written outside the transaction of its change. */
export class AuditOutsideUnitOfWorkError extends Error {
  constructor() {
    super('Audit events are recorded inside the unit of work of the change they record');
  }
}
