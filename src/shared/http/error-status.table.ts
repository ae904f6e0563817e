import type { ErrorCategory } from '../domain/domain-error';

/** The one place that maps a domain error category to an HTTP status and a title. */
export const ERROR_CATEGORY_STATUS: Record<ErrorCategory, { status: number; title: string }> = {
  validation: { status: 400, title: 'Invalid request' },
  unauthorized: { status: 401, title: 'Unauthorized' },
  forbidden: { status: 403, title: 'Forbidden' },
  not_found: { status: 404, title: 'Not found' },
  conflict: { status: 409, title: 'Conflict' },
  unprocessable: { status: 422, title: 'Unprocessable request' },
  too_large: { status: 413, title: 'Payload too large' },
  length_required: { status: 411, title: 'Length required' },
  unsupported_media_type: { status: 415, title: 'Unsupported media type' },
};
