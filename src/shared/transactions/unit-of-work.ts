/**
 * Port: one unit of work, atomic across modules. Everything the adapters do while `work` runs goes
 * into one database transaction, which commits when `work` resolves and rolls back when it throws.
 * No transaction is handed around: the current one is carried by the async context, so a port call
 * made inside `work` joins it whatever module the port belongs to. A unit of work started inside
 * another joins the outer one (one transaction, no savepoint). Outside a unit of work, each
 * statement runs on its own, on the pool.
 */
export abstract class UnitOfWork {
  abstract transactional<T>(work: () => Promise<T>): Promise<T>;
}
