import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth';
import { ApiProblems } from '../shared/http/api-problems.decorator';
import { NoQuery } from '../shared/http/no-query.decorator';
import { DatabaseHealthIndicator } from './database.health';
import { MigrationsHealthIndicator } from './migrations.health';

class CheckUp {
  @ApiProperty({ enum: ['up'] })
  status!: string;
}

class LivenessChecks {
  @ApiProperty({ type: CheckUp })
  database!: CheckUp;
}

class ReadinessChecks {
  @ApiProperty({ type: CheckUp, description: 'PostgreSQL answers a query within two seconds' })
  database!: CheckUp;
  @ApiProperty({ type: CheckUp, description: 'Every migration of this build is applied' })
  migrations!: CheckUp;
}

/** No check failed: an empty object. */
class NoFailures {}

class HealthResponse {
  @ApiProperty({ enum: ['ok'] })
  status!: string;
  @ApiProperty({ type: LivenessChecks, description: 'The checks that passed' })
  info!: LivenessChecks;
  @ApiProperty({ type: NoFailures, description: 'The checks that failed: none, or the answer would be 503' })
  error!: NoFailures;
  @ApiProperty({ type: LivenessChecks, description: 'Every check' })
  details!: LivenessChecks;
}

class ReadinessResponse {
  @ApiProperty({ enum: ['ok'] })
  status!: string;
  @ApiProperty({ type: ReadinessChecks, description: 'The checks that passed' })
  info!: ReadinessChecks;
  @ApiProperty({ type: NoFailures, description: 'The checks that failed: none, or the answer would be 503' })
  error!: NoFailures;
  @ApiProperty({ type: ReadinessChecks, description: 'Every check' })
  details!: ReadinessChecks;
}

const UP = { status: 'up' };

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
    private readonly migrations: MigrationsHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Liveness and database check: 200 when the database answers, else 503',
    description:
      'For load balancers, container health checks and uptime monitors (a Kubernetes liveness probe): takes no key and tells nothing but up or down. ' +
      'Answers 200 when the service runs and its database answers a query within its timeout, and a 503 problem otherwise (or while the service shuts down).',
  })
  @ApiOkResponse({
    type: HealthResponse,
    example: { status: 'ok', info: { database: UP }, error: {}, details: { database: UP } },
  })
  @ApiProblems(503)
  check(@NoQuery() _query: void): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.check()]);
  }

  @Get('ready')
  @Public()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Readiness: 200 when the database answers and is fully migrated, else 503',
    description:
      'For a Kubernetes readiness probe or a load balancer deciding whether to send traffic: takes no key and tells nothing but ready or not. ' +
      'Answers 200 when the database answers a query within its timeout and every migration this build ships is applied, ' +
      'and a 503 problem otherwise: while the database is unreachable, while migrations are pending (MIGRATE_ON_START=false and `npm run migration:up` not run yet), or while the service shuts down.',
  })
  @ApiOkResponse({
    type: ReadinessResponse,
    example: {
      status: 'ok',
      info: { database: UP, migrations: UP },
      error: {},
      details: { database: UP, migrations: UP },
    },
  })
  @ApiProblems(503)
  ready(@NoQuery() _query: void): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.check(), () => this.migrations.check()]);
  }
}
