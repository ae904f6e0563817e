import { Injectable } from '@nestjs/common';
import { HealthIndicatorResult, HealthIndicatorService } from '@nestjs/terminus';
import { sql } from 'kysely';
import { Database } from '../shared/database/database';

const TIMEOUT_MS = 2000;

/** Up when PostgreSQL answers a trivial query within two seconds. */
@Injectable()
export class DatabaseHealthIndicator {
  constructor(
    private readonly indicators: HealthIndicatorService,
    private readonly db: Database,
  ) {}

  async check(key = 'database'): Promise<HealthIndicatorResult> {
    const indicator = this.indicators.check(key);
    try {
      await Promise.race([
        sql`SELECT 1`.execute(this.db.kysely),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timed out')), TIMEOUT_MS).unref()),
      ]);
      return indicator.up();
    } catch {
      return indicator.down({ message: 'database unreachable' });
    }
  }
}
