import type { DomainError } from '../domain/domain-error';
import { ERROR_CATEGORY_STATUS } from './error-status.table';

/** RFC 9457 problem details, as every error leaves the service. */
export interface FieldError {
  field: string;
  message: string;
}

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  errors?: FieldError[];
  /** A call record refused with 422 but held in suspense (API.md, "Suspense"). */
  suspendedCallId?: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
const PROBLEM_BASE_URI = 'https://phone-billing.dev/problems/';

/** The stable `type` URI for an error code: `invalid_minutes` → `.../problems/invalid-minutes`. */
export function problemType(code: string): string {
  return PROBLEM_BASE_URI + code.replace(/_/g, '-');
}

/** The problem a domain error becomes: its category decides status and title (one table). */
export function domainProblem(error: DomainError): Problem {
  const { status, title } = ERROR_CATEGORY_STATUS[error.category];
  return {
    type: problemType(error.code),
    title,
    status,
    detail: error.message,
    ...(error.field ? { errors: [{ field: error.field, message: error.message }] } : {}),
    ...error.problemExtensions,
  };
}
