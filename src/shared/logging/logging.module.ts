import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { DynamicModule, Module } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../../config';

const REQUEST_ID_HEADER = 'x-request-id';

/** Structured JSON logs (pretty in development), one request id per request, echoed in `X-Request-Id`. */
@Module({})
export class LoggingModule {
  static forRoot(config: Pick<AppConfig, 'LOG_LEVEL' | 'NODE_ENV'>): DynamicModule {
    const pretty = config.NODE_ENV === 'development' && process.stdout.isTTY;
    return {
      module: LoggingModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.LOG_LEVEL,
            genReqId: (request: IncomingMessage, response: ServerResponse) => {
              const given = request.headers[REQUEST_ID_HEADER];
              const id = typeof given === 'string' && /^[\w.:-]{1,128}$/.test(given) ? given : randomUUID();
              response.setHeader('X-Request-Id', id);
              return id;
            },
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
