import { DynamicModule, Module, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../../config';

/**
 * Structured JSON logs (pretty in development), one line per request. The request id is Fastify's
 * (`requestIdOf`, echoed in `X-Request-Id`), which pino-http reads from the request.
 */
@Module({})
export class LoggingModule {
  static forRoot(config: Pick<AppConfig, 'LOG_LEVEL' | 'NODE_ENV'>): DynamicModule {
    const pretty = config.NODE_ENV === 'development' && process.stdout.isTTY;
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          // nestjs-pino's default route ("{/*splat}") binds no Fastify route in Nest 12: no request was logged.
          forRoutes: [{ path: '*path', method: RequestMethod.ALL }],
          pinoHttp: {
            level: config.LOG_LEVEL,
            redact: ['req.headers.authorization'],
            customLogLevel: (_request, response, error) =>
              error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'info',
            ...(pretty ? { transport: { target: 'pino-pretty', options: { singleLine: true } } } : {}),
          },
        }),
      ],
    };
  }
}
