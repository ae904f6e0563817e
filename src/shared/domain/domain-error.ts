/**
 * Every rule the domain enforces fails with a DomainError. The `code` is stable and ends up in the
 * problem `type` URI; the `category` decides the HTTP status in one place (the problem-details filter).
 */
export type ErrorCategory =
  | 'validation' // 400: the input breaks a rule
  | 'not_found' // 404
  | 'conflict' // 409: the input clashes with stored state
  | 'unprocessable' // 422: well-formed, but refers to something that does not exist
  | 'too_large' // 413: the body is over a configured size
  | 'length_required' // 411: the size must be declared before the body is read
  | 'unsupported_media_type' // 415: a body of another content type than the operation takes
  | 'unauthorized' // 401: no valid API key
  | 'forbidden'; // 403: a valid key that may not do this

export abstract class DomainError extends Error {
  abstract readonly code: string;
  abstract readonly category: ErrorCategory;
  /** The request field the error is about, when there is one. */
  readonly field?: string;
  /** Members the problem carries beyond RFC 9457's own (e.g. `suspendedCallId`); plain strings only. */
  readonly problemExtensions?: Readonly<Record<string, string>>;

  protected constructor(message: string, field?: string) {
    super(message);
    this.name = new.target.name;
    this.field = field;
  }
}
