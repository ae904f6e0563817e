import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { findUnstorableInput } from '../domain/storable-input';
import { itemsJudgedAloneIn } from './items-judged-alone';
import { RequestValidationError } from './request-validation.error';

/**
 * The first global pipe: refuses, on every body, query and path value, what no field accepts but
 * would otherwise reach code that chokes on it (see `findUnstorableInput`). A body whose DTO is
 * marked `@ItemsJudgedAlone` is checked around its items, which its use case checks one by one, so
 * that one bad item rejects that item only.
 */
@Injectable()
export class HostileInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    // A JSON `null` body is not "no body": every body of this API is an object.
    if (metadata.type === 'body' && value === null) throw refusal('body', 'must be a JSON object');
    const found = findUnstorableInput(value, {
      field: metadata.data ?? '',
      itemsJudgedAlone: metadata.type === 'body' ? itemsJudgedAloneIn(metadata.metatype) : [],
    });
    if (found) throw refusal(found.field, found.message);
    return value;
  }
}

function refusal(field: string, message: string): RequestValidationError {
  return new RequestValidationError([{ field: field || 'body', message }]);
}
