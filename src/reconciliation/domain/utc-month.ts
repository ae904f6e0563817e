import { DomainError } from '../../shared/domain/domain-error';
import { quoted } from '../../shared/domain/quoted';

/** A month as clients write it: YYYY-MM. */
export const MONTH_PATTERN = /^(\d{4})-(0[1-9]|1[0-2])$/;
const FIRST_YEAR = 1970;

export class InvalidMonthError extends DomainError {
  readonly code = 'invalid_month';
  readonly category = 'validation';
  constructor(raw: unknown) {
    super(`${quoted(raw)} is not a month (use YYYY-MM from 1970-01 on, e.g. "2026-10")`, 'month');
  }
}

/** One calendar month in UTC, `[start, end)`: the reconciliation's unit, whatever the customers' zones. */
export interface UtcMonth {
  month: string;
  start: Date;
  end: Date;
}

/** `YYYY-MM` from `1970-01` on (calls are accepted from 1970); anything else is an InvalidMonthError. */
export function utcMonth(raw: string): UtcMonth {
  const match = typeof raw === 'string' ? MONTH_PATTERN.exec(raw) : null;
  if (!match || Number(match[1]) < FIRST_YEAR) throw new InvalidMonthError(raw);
  const year = Number(match[1]);
  const month = Number(match[2]) - 1;
  return {
    month: raw,
    start: new Date(Date.UTC(year, month, 1)),
    end: new Date(Date.UTC(year, month + 1, 1)),
  };
}
