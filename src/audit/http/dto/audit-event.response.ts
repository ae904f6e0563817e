import { ApiProperty, getSchemaPath } from '@nestjs/swagger';
import { MAX_PAGE_SIZE } from '../../../shared/http/page-query.dto';
import { freeText, INSTANT, NEXT_CURSOR, UUID } from '../../../shared/http/schema-fragments';
import { AUDIT_ACTIONS, type AuditEvent } from '../../domain/audit-event';
import { AUDIT_DETAILS } from './audit-details.response';

class AuditActorResponse {
  @ApiProperty({ type: String, enum: ['operator', 'customer', 'system'], example: 'operator' })
  kind!: 'operator' | 'customer' | 'system';
  @ApiProperty({
    ...UUID,
    nullable: true,
    example: null,
    description: "The customer's id for a customer; null for the operator and the system",
  })
  id!: string | null;
}

class AuditTargetResponse {
  @ApiProperty({
    type: String,
    enum: [
      'customer',
      'phone-number',
      'api-key',
      'prepaid-balance',
      'invoice',
      'invoicing-run',
      'portal-session',
      'cdr-file',
      'suspended-call',
    ],
    example: 'customer',
    description: 'The kind of resource the action names',
  })
  type!: string;
  @ApiProperty({ ...freeText(128), example: '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11', description: 'Its id' })
  id!: string;
}

export class AuditEventResponse {
  @ApiProperty(UUID)
  id!: string;
  @ApiProperty({ ...INSTANT, description: 'When the change was made' })
  at!: string;
  @ApiProperty({ type: AuditActorResponse })
  actor!: AuditActorResponse;
  @ApiProperty({ type: String, enum: AUDIT_ACTIONS, example: 'plan.changed' })
  action!: string;
  @ApiProperty({ type: AuditTargetResponse })
  target!: AuditTargetResponse;
  @ApiProperty({
    type: String,
    pattern: '^[\\w.:-]{1,128}$',
    maxLength: 128,
    nullable: true,
    example: '5d1c2a8e-8a8f-4f38-9d51-0c8f7e2b6c11',
    description: "The request's X-Request-Id; null for scheduled work",
  })
  requestId!: string | null;
  @ApiProperty({
    oneOf: AUDIT_DETAILS.map((schema) => ({ $ref: getSchemaPath(schema) })),
    description: 'What changed, by action: before/after, amounts as decimal strings, ids (never a secret)',
  })
  details!: Record<string, unknown>;

  static of(event: AuditEvent): AuditEventResponse {
    return {
      id: event.id,
      at: event.at.toISOString(),
      actor: { kind: event.actor.kind, id: event.actor.id },
      action: event.action,
      target: { type: event.target.type, id: event.target.id },
      requestId: event.requestId,
      details: event.details,
    };
  }
}

export class AuditEventPageResponse {
  @ApiProperty({ type: [AuditEventResponse], maxItems: MAX_PAGE_SIZE })
  data!: AuditEventResponse[];
  @ApiProperty(NEXT_CURSOR)
  nextCursor!: string | null;
}
