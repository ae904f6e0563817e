import { DomainError } from '../../shared/domain/domain-error';

export class CdrFileUnreadableError extends DomainError {
  readonly code = 'cdr_file_unreadable';
  readonly category = 'validation';
  constructor(why: string) {
    super(`nothing could be read from the file: ${why}`, 'body');
  }
}

export class CdrFileTooLargeError extends DomainError {
  readonly code = 'cdr_file_too_large';
  readonly category = 'too_large';
  constructor(maxBytes: number) {
    super(`the file is larger than CDR_FILE_MAX_BYTES (${maxBytes} bytes); nothing was recorded`, 'body');
  }
}

export class CdrFileLengthRequiredError extends DomainError {
  readonly code = 'cdr_file_length_required';
  readonly category = 'length_required';
  constructor() {
    super(
      'send the file with a Content-Length header (curl --data-binary @file does): its size is checked before anything is recorded',
      'body',
    );
  }
}

export class InvalidCdrImportParameterError extends DomainError {
  readonly code = 'invalid_cdr_import_parameter';
  readonly category = 'validation';
  constructor(field: string, message: string) {
    super(`${field} ${message}`, field);
  }
}

export class CdrFileNotFoundError extends DomainError {
  readonly code = 'cdr_file_not_found';
  readonly category = 'not_found';
  constructor(id: string) {
    super(`no CDR file import ${id}`, 'cdrFileId');
  }
}

/** The client dropped the connection, or sent less than its Content-Length: usually nobody reads this. */
export class CdrUploadInterruptedError extends DomainError {
  readonly code = 'cdr_upload_interrupted';
  readonly category = 'validation';
  constructor() {
    super(
      'the upload stopped before the end of the file; the chunks recorded before stay recorded: post the file again to complete it',
      'body',
    );
  }
}

export class CdrFileNotCsvError extends DomainError {
  readonly code = 'cdr_file_not_csv';
  readonly category = 'unsupported_media_type';
  constructor() {
    super('send the file as the body, with Content-Type: text/csv', 'body');
  }
}
