import { DynamicModule, Global, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { createOrmConfig } from '../../../mikro-orm.config';
import { PeriodLocks } from '../transactions/period-locks';
import { UnitOfWork } from '../transactions/unit-of-work';
import { Database } from './database';
import { MikroOrmDatabase } from './mikro-orm-database';
import { MikroOrmUnitOfWork } from './mikro-orm-unit-of-work';
import { PostgresAdvisoryPeriodLocks } from './postgres-advisory-period-locks';

/**
 * Connects MikroORM to the database. Every module's adapters write through the `Database` port;
 * use cases make work atomic across modules with the `UnitOfWork` port and take the invoicing
 * period locks through `PeriodLocks`.
 */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(databaseUrl: string, poolSize: number): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        MikroOrmModule.forRoot({
          ...createOrmConfig(databaseUrl, { pool: { min: 0, max: poolSize } }),
          registerRequestContext: false,
        }),
      ],
      providers: [
        { provide: Database, useClass: MikroOrmDatabase },
        { provide: UnitOfWork, useClass: MikroOrmUnitOfWork },
        { provide: PeriodLocks, useClass: PostgresAdvisoryPeriodLocks },
      ],
      exports: [Database, UnitOfWork, PeriodLocks],
    };
  }
}
