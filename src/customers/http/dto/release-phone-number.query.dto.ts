import { InstantField } from '../../../shared/http/fields';

export class ReleasePhoneNumberQueryDto {
  @InstantField({
    optional: true,
    example: '2026-10-31T23:00:00Z',
    description:
      'When the line stops being the customer\'s (ISO 8601 with an offset; default now): after its last recorded call, after its "from"',
  })
  at?: string;
}
