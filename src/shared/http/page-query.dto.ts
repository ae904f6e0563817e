import { CURSOR_PATTERN } from '../pagination/page';
import { IntegerField, TextField } from './fields';

export const MAX_PAGE_SIZE = 500;

export class PageQueryDto {
  @IntegerField({
    minimum: 1,
    maximum: MAX_PAGE_SIZE,
    default: 50,
    optional: true,
    inQuery: true,
    description: 'Items per page',
  })
  limit: number = 50;

  @TextField({
    optional: true,
    maxLength: 512,
    domainPattern: CURSOR_PATTERN,
    description: "Opaque cursor from the previous page's nextCursor",
  })
  cursor?: string;
}
