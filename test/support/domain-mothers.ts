import { randomUUID } from 'node:crypto';
import { newCall, type Call } from '../../src/calls/domain/call';
import { Customer } from '../../src/customers/domain/customer';
import type { Invoice } from '../../src/invoicing/domain/invoice';
import { BillingPeriod } from '../../src/shared/domain/billing-period';
import { Money } from '../../src/shared/domain/money';
import { PhoneNumber } from '../../src/shared/domain/phone-number';
import { TimeZone } from '../../src/shared/domain/time-zone';
import { aPhoneNumber } from './mothers';

let callCounter = 0;

/**
 * A rated call as the calls module stores it, in one line: `aRatedCall({ customerId, startedAt })`.
 * Postpaid at 0.02 USD a minute (group `default`), 3 minutes, in the UTC month of `startedAt`,
 * unless overridden. `durationSeconds` replaces `minutes`; the call is billed in whole started
 * minutes (60/60) unless `billedSeconds` and `charge` say otherwise.
 */
export function aRatedCall(
  overrides: {
    customerId?: string;
    startedAt?: string;
    minutes?: number;
    durationSeconds?: number;
    billedSeconds?: number;
    ratePerMinute?: string;
    group?: string;
    charge?: string;
    period?: string;
  } = {},
): Call {
  callCounter += 1;
  const startedAt = new Date(overrides.startedAt ?? '2026-10-05T14:03:00Z');
  const durationSeconds = overrides.durationSeconds ?? (overrides.minutes ?? 3) * 60;
  const billedSeconds = overrides.billedSeconds ?? Math.ceil(durationSeconds / 60) * 60;
  const ratePerMinute = Money.of(overrides.ratePerMinute ?? '0.02', 'USD');
  return newCall({
    record: {
      callId: `mother-${Date.now().toString(36)}-${callCounter}`,
      phoneNumber: '+351912345678',
      destination: null,
      startedAt,
      durationSeconds,
    },
    customerId: overrides.customerId ?? randomUUID(),
    plan: 'postpaid',
    period: overrides.period ?? BillingPeriod.containing(startedAt, TimeZone.of('UTC')).code,
    rate: { group: overrides.group ?? 'default', ratePerMinute },
    billedSeconds,
    charge: overrides.charge ? Money.of(overrides.charge, 'USD') : ratePerMinute.times(billedSeconds / 60),
    receivedAt: new Date(startedAt.getTime() + 60_000),
  });
}

/** An issued invoice of a UTC period, with one usage line: `anIssuedInvoice({ customerId, period })`. */
export function anIssuedInvoice(
  overrides: { customerId?: string; period?: string; number?: string; issuedAt?: string } = {},
): Invoice {
  const period = BillingPeriod.parse(overrides.period ?? '2026-09', TimeZone.of('UTC'));
  const amount = Money.of('0.30', 'USD');
  return {
    id: randomUUID(),
    number: overrides.number ?? `INV-T-${randomUUID().slice(0, 8)}`,
    customerId: overrides.customerId ?? randomUUID(),
    period,
    plan: 'postpaid',
    status: 'issued',
    issuedAt: new Date(overrides.issuedAt ?? '2026-10-01T00:05:00Z'),
    callCount: 2,
    minutes: 15,
    billedSeconds: 900,
    lines: [
      {
        kind: 'usage',
        description: '15 minutes at 0.02 USD',
        period: period.code,
        group: 'default',
        billedSeconds: 900,
        quantity: 15,
        unitPrice: Money.of('0.02', 'USD'),
        amount,
      },
    ],
    total: amount,
  };
}

/** A customer as registration builds it, with one fresh line. */
export function aRegisteredCustomer(
  overrides: { timezone?: string; plan?: string; createdAt?: string; numbers?: string[] } = {},
): Customer {
  return Customer.register(
    {
      name: 'Ada Lovelace',
      email: 'ada@example.com',
      timezone: TimeZone.of(overrides.timezone ?? 'UTC'),
      plan: overrides.plan ?? 'postpaid',
      phoneNumbers: (overrides.numbers ?? [aPhoneNumber()]).map((number) => PhoneNumber.parse(number)),
    },
    new Date(overrides.createdAt ?? '2026-01-10T00:00:00Z'),
  );
}
