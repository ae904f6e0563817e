import { TextField } from '../../../shared/http/fields';
import { PageQueryDto } from '../../../shared/http/page-query.dto';
import { AUDIT_ACTIONS } from '../../domain/audit-event';

const ACTION = new RegExp(`^(${AUDIT_ACTIONS.map((action) => action.replace('.', '\\.')).join('|')})$`);
const UUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

export class AuditEventsQueryDto extends PageQueryDto {
  @TextField({
    optional: true,
    maxLength: 40,
    pattern: ACTION,
    patternMessage: `must be one of ${AUDIT_ACTIONS.join(', ')}`,
    example: 'plan.changed',
    description: 'Only events of this action',
  })
  action?: string;

  @TextField({
    optional: true,
    maxLength: 36,
    pattern: UUID,
    patternMessage: 'must be a UUID',
    format: 'uuid',
    example: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11',
    description: 'Only events about this customer (its own changes, lines, plan, key, top-ups, invoices)',
  })
  customerId?: string;
}
