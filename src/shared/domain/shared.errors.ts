import { DomainError } from './domain-error';
import { quoted as shown } from './quoted';

export class InvalidMoneyAmountError extends DomainError {
  readonly code = 'invalid_money_amount';
  readonly category = 'validation';
  constructor(raw: unknown, field?: string) {
    super(`${shown(raw)} is not a valid amount (use a decimal string such as "12.34")`, field);
  }
}

export class InvalidCurrencyError extends DomainError {
  readonly code = 'invalid_currency';
  readonly category = 'validation';
  constructor(raw: unknown, field?: string) {
    super(`${shown(raw)} is not a valid currency (use an ISO 4217 code such as "USD")`, field);
  }
}

export class CurrencyMismatchError extends DomainError {
  readonly code = 'currency_mismatch';
  readonly category = 'validation';
  constructor(left: string, right: string) {
    super(`Cannot combine amounts in ${left} and ${right}`);
  }
}

export class InvalidMoneyFactorError extends DomainError {
  readonly code = 'invalid_money_factor';
  readonly category = 'validation';
  constructor(raw: unknown) {
    super(`${shown(raw)} is not a valid factor (use an integer or a decimal string)`);
  }
}

export class InvalidTimeZoneError extends DomainError {
  readonly code = 'invalid_time_zone';
  readonly category = 'validation';
  constructor(raw: unknown) {
    super(`${shown(raw)} is not an IANA time zone (use a name such as "Europe/Lisbon")`, 'timezone');
  }
}

export class InvalidPeriodError extends DomainError {
  readonly code = 'invalid_period';
  readonly category = 'validation';
  constructor(raw: unknown) {
    super(`${shown(raw)} is not a billing period (use YYYY-MM, e.g. "2026-10")`, 'period');
  }
}
