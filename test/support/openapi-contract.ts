import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import type { Response } from 'supertest';

/**
 * The served OpenAPI document as a contract every response in the integration suites must keep:
 * the operation (path template and method) must document the status; a JSON body must validate
 * against the schema of that status and media type; documented required headers must be there.
 * A request the service accepted (2xx) must validate against the operation's request body and
 * query parameters, so that a client generated from the document sends what the service takes.
 * A path or method the document does not have may only be refused as a problem (400, 404, 405, 414).
 */

interface Schema {
  [keyword: string]: unknown;
}
interface MediaType {
  schema?: Schema;
}
interface Header {
  required?: boolean;
  schema: Schema;
}
interface DocResponse {
  content?: Record<string, MediaType>;
  headers?: Record<string, Header | { $ref: string }>;
}
interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema: Schema;
}
interface Operation {
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, MediaType> };
  responses: Record<string, DocResponse>;
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; headers?: Record<string, Header> };
}

/** The Swagger UI and the customer portal's HTML pages are not API operations. */
const NOT_IN_DOCUMENT = /^\/(docs(-json|-yaml)?|portal)(\/|$)/;
/** What the router and the 404 handler may answer for a path or method the document lacks. */
const UNROUTED_STATUSES = new Set([400, 404, 405, 414]);
const PROBLEM = 'application/problem+json';

export class OpenApiContract {
  private readonly ajv = new Ajv({ allErrors: true, strict: true, discriminator: true });
  private readonly compiled = new Map<object, ValidateFunction>();
  private readonly routes: { pattern: RegExp; template: string; literals: number }[];

  constructor(private readonly document: OpenApiDocument) {
    addFormats(this.ajv);
    this.ajv.addVocabulary(['example', 'x-free-text', 'x-items-judged-alone']);
    // Schemas refer to each other as #/components/schemas/<name>: one schema holds them all.
    this.ajv.addSchema({ $id: 'openapi', $defs: rewriteRefs(document.components.schemas) });
    this.routes = Object.keys(document.paths).map((template) => ({
      template,
      pattern: new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`),
      literals: template.split('/').filter((segment) => !segment.startsWith('{')).length,
    }));
  }

  /** A supertest assertion: throws with every broken promise of the document. */
  readonly check = (response: Response): void => {
    const failures = this.failuresOf(response);
    if (failures.length > 0) {
      const { method, path } = requestOf(response);
      throw new Error(
        `${method} ${path} answered ${response.status}, which the OpenAPI document does not allow:\n- ` +
          `${failures.join('\n- ')}\nbody: ${response.text?.slice(0, 500)}`,
      );
    }
  };

  failuresOf(response: Response): string[] {
    const { method, path, query, body } = requestOf(response);
    if (NOT_IN_DOCUMENT.test(path)) return [];
    const template = this.templateOf(path);
    const operation = template
      ? this.document.paths[template][method === 'head' ? 'get' : method]
      : undefined;
    if (!operation) return this.unroutedFailures(response);

    const documented = operation.responses[String(response.status)];
    if (!documented)
      return [`status ${response.status} is not documented for ${method.toUpperCase()} ${template}`];
    const failures = [...this.headerFailures(response, documented)];
    if (method !== 'head') failures.push(...this.bodyFailures(response, documented));
    if (response.status < 300) failures.push(...this.requestFailures(operation, query, body));
    return failures;
  }

  private templateOf(path: string): string | undefined {
    return this.routes.filter((route) => route.pattern.test(path)).sort((a, b) => b.literals - a.literals)[0]
      ?.template;
  }

  private unroutedFailures(response: Response): string[] {
    if (!UNROUTED_STATUSES.has(response.status))
      return [`no documented operation, and ${response.status} is not how the service refuses one`];
    const failures = this.validate({ $ref: '#/components/schemas/ProblemSchema' }, response.body, 'body');
    if (!String(response.headers['content-type']).startsWith(PROBLEM)) failures.push(`not ${PROBLEM}`);
    if (response.status === 405 && !response.headers.allow) failures.push('a 405 without Allow');
    return failures;
  }

  private headerFailures(response: Response, documented: DocResponse): string[] {
    return Object.entries(documented.headers ?? {}).flatMap(([name, reference]) => {
      const header = this.resolveHeader(reference);
      const value = response.headers[name.toLowerCase()] as string | undefined;
      if (value === undefined) return header.required ? [`header ${name} is missing`] : [];
      const typed = header.schema.type === 'integer' ? Number(value) : value;
      return this.validate(header.schema, typed, `header ${name}`);
    });
  }

  private bodyFailures(response: Response, documented: DocResponse): string[] {
    const content = documented.content ?? {};
    const contentType = String(response.headers['content-type'] ?? '').split(';')[0];
    if (Object.keys(content).length === 0) return response.text ? ['a body where none is documented'] : [];
    const media = content[contentType];
    if (!media)
      return [`content type ${contentType || '(none)'} is not among ${Object.keys(content).join(', ')}`];
    if (!contentType.endsWith('json') || !media.schema) return [];
    return this.validate(media.schema, response.body, 'body');
  }

  /** What the service accepted must be what the document lets a client send. */
  private requestFailures(operation: Operation, query: Record<string, string>, body: unknown): string[] {
    const failures: string[] = [];
    for (const parameter of operation.parameters ?? []) {
      if (parameter.in !== 'query' || query[parameter.name] === undefined) continue;
      const raw = query[parameter.name];
      const value = parameter.schema.type === 'integer' ? Number(raw) : raw;
      failures.push(...this.validate(parameter.schema, value, `query ${parameter.name}`));
    }
    for (const name of Object.keys(query)) {
      if (!operation.parameters?.some((parameter) => parameter.in === 'query' && parameter.name === name))
        failures.push(`query parameter ${name} is not documented, yet was accepted`);
    }
    const schema = operation.requestBody?.content['application/json']?.schema;
    if (schema && body !== undefined)
      failures.push(...this.validate(schema, this.withoutItemsJudgedAlone(schema, body), 'request body'));
    return failures;
  }

  /** A batch answers 200 with its bad items rejected one by one: only its envelope was accepted as such. */
  private withoutItemsJudgedAlone(schema: Schema, body: unknown): unknown {
    const name = typeof schema.$ref === 'string' ? schema.$ref.split('/').pop()! : undefined;
    const properties = (name ? this.document.components.schemas[name] : schema).properties as
      Record<string, Schema> | undefined;
    if (!properties || typeof body !== 'object' || body === null) return body;
    const envelope = { ...(body as Record<string, unknown>) };
    for (const [field, property] of Object.entries(properties))
      if (property['x-items-judged-alone'] === true && Array.isArray(envelope[field])) envelope[field] = [];
    return envelope;
  }

  private resolveHeader(header: Header | { $ref: string }): Header {
    if (!('$ref' in header)) return header;
    return this.document.components.headers![header.$ref.split('/').pop()!];
  }

  /** What is wrong with `value` as an instance of `schema` (a schema of the document); [] if nothing. */
  validate(schema: Schema, value: unknown, what: string): string[] {
    let validator = this.compiled.get(schema);
    if (!validator) {
      validator = this.ajv.compile(rewriteRefs(schema));
      this.compiled.set(schema, validator);
    }
    if (validator(value)) return [];
    return (validator.errors ?? []).map(
      (error) =>
        `${what}${error.instancePath} ${error.message ?? 'is invalid'} ${JSON.stringify(error.params)}`,
    );
  }
}

/** `#/components/schemas/X` → `openapi#/$defs/X`, in a copy. */
function rewriteRefs<T>(schema: T): T {
  return JSON.parse(JSON.stringify(schema).replace(/"#\/components\/schemas\//g, '"openapi#/$defs/')) as T;
}

function requestOf(response: Response): {
  method: string;
  path: string;
  query: Record<string, string>;
  body: unknown;
} {
  const request = response.request as unknown as { method: string; url: string; _data?: unknown };
  const url = new URL(request.url);
  const query: Record<string, string> = {};
  for (const [name, value] of url.searchParams) query[name] = value;
  const data = request._data;
  let body: unknown = data;
  if (typeof data === 'string') {
    try {
      body = JSON.parse(data);
    } catch {
      body = data;
    }
  }
  return { method: request.method.toLowerCase(), path: url.pathname, query, body };
}
