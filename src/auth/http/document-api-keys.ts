import type { OpenAPIObject } from '@nestjs/swagger';
import { ACCESS_EXTENSION, ACCESS_NOTES } from './access.decorators';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

interface Operation {
  description?: string;
  security?: Record<string, string[]>[];
  [ACCESS_EXTENSION]?: { takes: string; note: string };
}

/**
 * Adds to each operation's description which key it takes. A `/v1` operation whose route declares
 * no key is documented as the guard treats it: operator only.
 */
export function documentApiKeys(document: OpenAPIObject): void {
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = (item as Record<string, Operation | undefined>)[method];
      if (!operation) continue;
      if (!operation[ACCESS_EXTENSION] && path.startsWith('/v1/')) {
        operation[ACCESS_EXTENSION] = { takes: 'operator', note: ACCESS_NOTES.operator };
        operation.security = [{ bearer: [] }];
      }
      const access = operation[ACCESS_EXTENSION];
      if (access) {
        const note = `**API key:** ${access.note}`;
        operation.description = operation.description ? `${operation.description}\n\n${note}` : note;
      }
    }
  }
}
