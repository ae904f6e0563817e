import type { FastifyInstance } from 'fastify';

interface RoutePattern {
  matches: RegExp;
  methods: Set<string>;
}

/** `/v1/customers/:customerId` → a pattern for one raw path segment per parameter; `*` for the rest. */
function patternOf(url: string): RegExp {
  const source = url
    .split('/')
    .map((segment) => {
      if (segment.startsWith(':')) return '[^/]+';
      if (segment === '*') return '.*';
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return new RegExp(`^${source}$`);
}

/**
 * The methods each route path takes, collected as routes are registered: a request that reached the
 * 404 handler for a path that exists under other methods is a 405 naming them.
 */
export class RouteMethods {
  private readonly routes = new Map<string, RoutePattern>();

  /** Call before the routes are registered. */
  collectFrom(fastify: FastifyInstance): void {
    fastify.addHook('onRoute', (route) => {
      const methods = Array.isArray(route.method) ? route.method : [route.method];
      const known = this.routes.get(route.url) ?? { matches: patternOf(route.url), methods: new Set() };
      for (const method of methods) known.methods.add(method.toUpperCase());
      this.routes.set(route.url, known);
    });
  }

  /** The methods some route takes at this path (query string ignored), in a stable order. */
  allowedAt(url: string): string[] {
    const path = url.split('?', 1)[0];
    const allowed = new Set<string>();
    for (const route of this.routes.values()) {
      if (route.matches.test(path)) for (const method of route.methods) allowed.add(method);
    }
    return [...allowed].sort();
  }
}
