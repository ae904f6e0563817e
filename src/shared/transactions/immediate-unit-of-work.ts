import { UnitOfWork } from './unit-of-work';

/**
 * For use-case tests on in-memory adapters, which have no transactions to join: runs the work as
 * it is. (A failed work keeps what the fakes wrote: atomicity is the database's, and its tests
 * prove it.)
 */
export class ImmediateUnitOfWork extends UnitOfWork {
  transactional<T>(work: () => Promise<T>): Promise<T> {
    return work();
  }
}
