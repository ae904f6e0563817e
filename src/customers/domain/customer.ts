import { randomUUID } from 'node:crypto';
import { BillingPeriod } from '../../shared/domain/billing-period';
import { TimeZone } from '../../shared/domain/time-zone';
import type { BillingAddress } from './billing-address';
import { InvalidCustomerNameError } from './customer.errors';
import { PhoneNumber } from '../../shared/domain/phone-number';
import { PlanHistory } from './plan-history';
import { openAt } from './line';

/** One of the customer's lines: `from`/`until` null when open that way (see `Line`). */
export interface CustomerLine {
  number: PhoneNumber;
  from: Date | null;
  until: Date | null;
}

export interface CustomerProps {
  id: string;
  name: string;
  email: string | null;
  timezone: TimeZone;
  planHistory: PlanHistory;
  /** Every line, past and present, oldest first. */
  lines: CustomerLine[];
  /** Printed on invoices; null when the operator gave none. */
  billingAddress: BillingAddress | null;
  createdAt: Date;
}

export interface NewCustomer {
  name: string;
  email: string | null;
  timezone: TimeZone;
  plan: string;
  phoneNumbers: PhoneNumber[];
  billingAddress?: BillingAddress | null;
}

export class Customer {
  private constructor(private props: CustomerProps) {}

  static register(input: NewCustomer, now: Date): Customer {
    const name = input.name.trim();
    if (name.length < 1 || name.length > 200) throw new InvalidCustomerNameError();
    const unique = [...new Map(input.phoneNumbers.map((n) => [n.e164, n])).values()];
    return new Customer({
      id: randomUUID(),
      name,
      email: input.email,
      timezone: input.timezone,
      planHistory: PlanHistory.startingWith(input.plan),
      // Lines given at registration are the customer's since always, as one added without `from`.
      lines: unique.map((number) => ({ number, from: null, until: null })),
      billingAddress: input.billingAddress ?? null,
      createdAt: now,
    });
  }

  static fromStored(props: CustomerProps): Customer {
    return new Customer(props);
  }

  get id(): string {
    return this.props.id;
  }
  get name(): string {
    return this.props.name;
  }
  get email(): string | null {
    return this.props.email;
  }
  get timezone(): TimeZone {
    return this.props.timezone;
  }
  get planHistory(): PlanHistory {
    return this.props.planHistory;
  }
  get lines(): readonly CustomerLine[] {
    return this.props.lines;
  }
  /** The numbers of the lines not released (no `until`). */
  get phoneNumbers(): readonly PhoneNumber[] {
    return this.props.lines.filter((line) => line.until === null).map((line) => line.number);
  }
  /** The numbers of the lines open at `now`: not released by then (a line assigned from later counts). */
  phoneNumbersAt(now: Date): PhoneNumber[] {
    return this.props.lines.filter((line) => openAt(line, now)).map((line) => line.number);
  }
  get billingAddress(): BillingAddress | null {
    return this.props.billingAddress;
  }
  get createdAt(): Date {
    return this.props.createdAt;
  }

  currentPeriod(now: Date): BillingPeriod {
    return BillingPeriod.containing(now, this.props.timezone);
  }

  planInForceAt(instant: Date): string {
    return this.props.planHistory.inForceDuring(BillingPeriod.containing(instant, this.props.timezone).code);
  }

  /** Plan changes wait for the next period in the customer's time zone. */
  changePlan(plan: string, now: Date): void {
    const next = this.currentPeriod(now).next().code;
    this.props = { ...this.props, planHistory: this.props.planHistory.changeTo(plan, next) };
  }

  changeBillingAddress(address: BillingAddress | null): void {
    this.props = { ...this.props, billingAddress: address };
  }
}
