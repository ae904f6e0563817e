import { Injectable } from '@nestjs/common';
import { PlanCatalog } from '../../billing-plans';
import type { CustomerProfile } from '../../customers';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { newCall } from '../domain/call';
import type { CallRecord } from '../domain/call-record';
import type { PendingCall } from './store-rated-calls';

/** A period ending this close to now may be closed by another instance's clock: lock-check it. */
const CLOSING_MARGIN_MS = 60 * 60 * 1000;

/**
 * Rates a record for its line's owner by the plan in force in the period it started (in the
 * owner's time zone) and the rates of its start: the same for calls as they arrive and for held
 * calls recorded later.
 */
@Injectable()
export class CallRater {
  constructor(private readonly catalog: PlanCatalog) {}

  /** @throws NoRateForDestinationError when the plan has no price for the call's destination. */
  rate(record: CallRecord, owner: CustomerProfile, now: Date): PendingCall {
    const period = BillingPeriod.containing(record.startedAt, owner.timezone);
    const plan = this.catalog.inForce(owner.planDuring(period.code));
    const { rate, billedSeconds, charge } = plan.rateCall({
      durationSeconds: record.durationSeconds,
      destination: record.destination,
      startedAt: record.startedAt,
      phoneNumber: record.phoneNumber,
      timezone: owner.timezone,
    });
    return {
      call: newCall({
        record,
        customerId: owner.id,
        plan: plan.code,
        period: period.code,
        rate,
        billedSeconds,
        charge,
        receivedAt: now,
      }),
      drawsFromBalance: plan.drawsFromBalance,
      mayBeInvoiced: period.end.getTime() <= now.getTime() + CLOSING_MARGIN_MS,
    };
  }
}
