import type { FastifyInstance } from 'fastify';
import { errorCodes } from 'fastify';

export const CDR_FILES_PATH = '/v1/cdr-files';

/**
 * `Content-Type: text/csv` bodies reach the CDR import as the raw request stream, unread: Fastify
 * neither buffers them nor applies its JSON body limit (the import reads the stream chunk by chunk
 * and checks `CDR_FILE_MAX_BYTES` itself). Any other path refuses text/csv as it refuses other
 * non-JSON bodies (415).
 */
export function acceptCdrFiles(fastify: FastifyInstance): void {
  fastify.addContentTypeParser('text/csv', (request, payload, done) => {
    if (request.url.split('?')[0] !== CDR_FILES_PATH) {
      done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(request.headers['content-type']), undefined);
      return;
    }
    done(null, payload);
  });
}
