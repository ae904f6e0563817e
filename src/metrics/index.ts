import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { observeHttpRequests } from './infrastructure/http-request.metrics';
import { PrometheusMetrics } from './infrastructure/prometheus-metrics';

export { MetricsModule } from './metrics.module';
export { SuspendedCallCount } from './application/suspended-call-count.port';

/** Times every HTTP request into `http_request_duration_seconds`; call before the routes exist. */
export function observeHttpMetrics(app: NestFastifyApplication): void {
  observeHttpRequests(app.getHttpAdapter().getInstance(), app.get(PrometheusMetrics));
}
