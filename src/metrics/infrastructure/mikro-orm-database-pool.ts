import { Injectable } from '@nestjs/common';
import { EntityManager } from '@mikro-orm/postgresql';
import { DatabasePool, type DatabasePoolState } from '../application/database-pool.port';

/** The `pg` pool under MikroORM's connection: the one every query of the service runs on. */
@Injectable()
export class MikroOrmDatabasePool extends DatabasePool {
  constructor(private readonly em: EntityManager) {
    super();
  }

  async state(): Promise<DatabasePoolState> {
    const pool = await this.em.getConnection().getNativeClient();
    return {
      connections: pool.totalCount,
      idleConnections: pool.idleCount,
      waitingRequests: pool.waitingCount,
      maxConnections: pool.options.max ?? 10,
    };
  }
}
