import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { ProblemSchema } from './api-problems.decorator';
import { documentHttpLayer } from './document-http-layer';

const DESCRIPTION = [
  "Bills phone calls: each call is charged once at ingestion by the customer's billing plan, and every",
  'customer gets an invoice for each closed calendar month in their own time zone.',
  '',
  'Every error is an RFC 9457 problem document (`application/problem+json`) with a stable `type`;',
  'validation problems list the broken rules in `errors`. Every response carries `X-Request-Id`;',
  'rate-limited responses carry `X-RateLimit-*` headers, and a 429 says when to retry in `Retry-After`.',
].join('\n');

const TAGS: [string, string][] = [
  ['customers', 'Customers, their phone lines, their plan and their API key'],
  ['calls', 'Call records from the switch, one or many at a time, and the call history'],
  ['cdr-files', "Switch CDR files (Asterisk, FreeSWITCH, this service's CSV), imported as they stream in"],
  ['invoices', 'Invoices: preview, issue, read, PDF, deliveries, and the monthly run'],
  ['suspense', 'Calls held in suspense (unknown line, no rate): listed, retried, written off'],
  ['reconciliation', 'Every call record of a month accounted for: received, recorded, invoiced'],
  ['prepaid', 'Prepaid balances: top-ups and the balance a switch checks before a call'],
  ['plans', 'The plan catalog'],
  ['portal', 'Sign-in links to the customer portal, where customers read their account in a browser'],
  ['health', 'Liveness and readiness probes'],
  ['operations', "Prometheus metrics for the operator's monitoring, and the audit trail of every change"],
];

/** Relative: the service that serves the document. Its callers are the operator's systems and customers. */
const SERVER = {
  url: '/',
  description: 'This service, wherever it runs (local, staging or production): the one serving this document',
  'x-internal': false,
};

export interface OpenApiOptions {
  /** MAX_CALL_MINUTES: the longest call a record may carry. */
  maxCallMinutes: number;
  /** Amend the generated document (e.g. which key each operation takes). */
  patches?: ((document: OpenAPIObject) => void)[];
}

/** The OpenAPI 3 document of the application's routes, as `/docs-json` serves it. */
export function createOpenApiDocument(app: NestFastifyApplication, options: OpenApiOptions): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('phone-billing')
    .setDescription(DESCRIPTION)
    .setVersion('1')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      // Nest's default says JWT; these keys are opaque.
      bearerFormat: undefined,
      description:
        'An opaque API key, not a JWT: the operator key (OPERATOR_API_KEY), or a customer key (pbk_c_..., returned once when the customer is created or its key rotated). Each operation says which it takes.',
    });
  for (const [name, description] of TAGS) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), { extraModels: [ProblemSchema] });
  document.servers = [SERVER];
  documentHttpLayer(document, options);
  for (const patch of options.patches ?? []) patch(document);
  return document;
}

/**
 * Swagger UI at `/docs`, the document at `/docs-json` (and `/docs-yaml`). Given a factory, the
 * document is built on the first request for it, not during start-up, and then kept.
 */
export function serveOpenApi(
  app: NestFastifyApplication,
  document: OpenAPIObject | (() => OpenAPIObject),
): void {
  SwaggerModule.setup('docs', app, document, { jsonDocumentUrl: 'docs-json', yamlDocumentUrl: 'docs-yaml' });
}
