import { MikroORM } from '@mikro-orm/postgresql';
import { createOrmConfig } from '../../../mikro-orm.config';
import { migrateToLatest } from './migrate';

export async function migrateOnStart(databaseUrl: string): Promise<string[]> {
  const orm = await MikroORM.init(createOrmConfig(databaseUrl, { pool: { min: 0, max: 1 } }));
  try {
    return await migrateToLatest(orm);
  } finally {
    await orm.close();
  }
}
