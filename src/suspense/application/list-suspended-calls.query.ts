import { PhoneNumber } from '../../shared/domain/phone-number';
import { Injectable } from '@nestjs/common';
import { decodeCursor, type Page, toPage } from '../../shared/pagination/page';
import type { SuspendedCall, SuspenseReason, SuspenseStatus } from '../domain/suspended-call';
import { SuspendedCallRepository } from './suspended-call.repository';

export interface SuspendedCallsRequest {
  reason: SuspenseReason | null;
  phoneNumber: string | null;
  status: SuspenseStatus | null;
  limit: number;
  cursor: string | null;
}

/** A page of held calls, oldest first, by keyset on (receivedAt, id). */
@Injectable()
export class ListSuspendedCallsQuery {
  constructor(private readonly suspended: SuspendedCallRepository) {}

  async execute(request: SuspendedCallsRequest): Promise<Page<SuspendedCall>> {
    const after =
      request.cursor === null ? null : decodeCursor(request.cursor, { receivedAt: 'instant', id: 'uuid' });
    const rows = await this.suspended.list({
      reason: request.reason,
      phoneNumber:
        request.phoneNumber === null ? null : PhoneNumber.parse(request.phoneNumber, 'phoneNumber').e164,
      status: request.status,
      after,
      limit: request.limit + 1,
    });
    return toPage(rows, request.limit, (call) => ({
      receivedAt: call.receivedAt.toISOString(),
      id: call.id,
    }));
  }
}
