import { Injectable } from '@nestjs/common';
import { TransactionPropagation } from '@mikro-orm/core';
import { EntityManager } from '@mikro-orm/postgresql';
import { UnitOfWork } from '../transactions/unit-of-work';

/**
 * The unit of work as MikroORM's `em.transactional`: a forked EntityManager in a transaction,
 * registered in MikroORM's transaction context (an AsyncLocalStorage) for as long as the work runs.
 * Every `em.getKysely()` (the `Database` port's `kysely`) and every EntityManager call on the root
 * EntityManager made meanwhile, in this async context, runs in that transaction. `REQUIRED`
 * propagation: a unit of work started inside another joins it, without a savepoint.
 */
@Injectable()
export class MikroOrmUnitOfWork extends UnitOfWork {
  constructor(private readonly em: EntityManager) {
    super();
  }

  transactional<T>(work: () => Promise<T>): Promise<T> {
    return this.em.transactional(() => work(), { propagation: TransactionPropagation.REQUIRED });
  }
}
