import type { FastifyInstance } from 'fastify';
import { methodLabel, routeLabel } from '../domain/http-labels';
import type { PrometheusMetrics } from './prometheus-metrics';

/**
 * One histogram observation per answered request, labelled by the route's template (the router's
 * `/v1/customers/:customerId/calls`, never the raw path) and timed by Fastify from the moment the
 * request arrived. Add before the routes are registered.
 */
export function observeHttpRequests(fastify: FastifyInstance, metrics: PrometheusMetrics): void {
  const histogram = metrics.httpRequestDuration;
  fastify.addHook('onResponse', (request, reply, done) => {
    histogram.observe(
      {
        method: methodLabel(request.method),
        route: routeLabel(request.routeOptions.url),
        status_code: String(reply.statusCode),
      },
      reply.elapsedTime / 1000,
    );
    done();
  });
}
