import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { HealthCheck, HealthCheckResult, HealthCheckService } from '@nestjs/terminus';
import { Public } from '../auth';
import { ApiProblems } from '../shared/http/api-problems.decorator';
import { NoQuery } from '../shared/http/no-query.decorator';
import { DatabaseHealthIndicator } from './database.health';

class DatabaseUp {
  @ApiProperty({ enum: ['up'] })
  status!: string;
}

class HealthChecks {
  @ApiProperty({ type: DatabaseUp })
  database!: DatabaseUp;
}

/** No check failed: an empty object. */
class NoFailures {}

class HealthResponse {
  @ApiProperty({ enum: ['ok'] })
  status!: string;
  @ApiProperty({ type: HealthChecks, description: 'The checks that passed' })
  info!: HealthChecks;
  @ApiProperty({ type: NoFailures, description: 'The checks that failed: none, or the answer would be 503' })
  error!: NoFailures;
  @ApiProperty({ type: HealthChecks, description: 'Every check' })
  details!: HealthChecks;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: DatabaseHealthIndicator,
  ) {}

  @Get()
  @Public()
  @HealthCheck({ swaggerDocumentation: false })
  @ApiOperation({
    summary: 'Liveness and database check: 200 when the database answers, else 503',
    description:
      'For load balancers, container health checks and uptime monitors: takes no key and tells nothing but up or down. ' +
      'Answers 200 when the service runs and its database answers a query within its timeout, and a 503 problem otherwise (or while the service shuts down).',
  })
  @ApiOkResponse({
    type: HealthResponse,
    example: {
      status: 'ok',
      info: { database: { status: 'up' } },
      error: {},
      details: { database: { status: 'up' } },
    },
  })
  @ApiProblems(503)
  check(@NoQuery() _query: void): Promise<HealthCheckResult> {
    return this.health.check([() => this.database.check()]);
  }
}
