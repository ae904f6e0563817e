import { DynamicModule, Global, Module } from '@nestjs/common';
import { MikroOrmModule } from '@mikro-orm/nestjs';
import { createOrmConfig } from '../../../mikro-orm.config';
import { Database } from './database';
import { MikroOrmDatabase } from './mikro-orm-database';

/** Connects MikroORM to the database; every module's adapters write through the `Database` port. */
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
      providers: [{ provide: Database, useClass: MikroOrmDatabase }],
      exports: [Database],
    };
  }
}
