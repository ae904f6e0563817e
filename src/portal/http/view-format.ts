import type { BillingPeriod } from '../../shared/domain/billing-period';

/** An amount as the API writes it: an exact decimal string and its currency. */
export interface AmountOf {
  amount: string | { toFixed(): string };
  currency: string;
}

const moneyFormats = new Map<string, Intl.NumberFormat>();

/**
 * "$8.24", "€0.045", "-$0.10": the amount as written, exactly (Intl formats a decimal string
 * digit for digit, no float in between), at least two decimals, with its currency's symbol.
 */
export function money({ amount, currency }: AmountOf): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    format = new Intl.NumberFormat('en', {
      style: 'currency',
      currency,
      minimumFractionDigits: 2,
      maximumFractionDigits: 20,
    });
    moneyFormats.set(currency, format);
  }
  const text = typeof amount === 'string' ? amount : amount.toFixed();
  return format.format(text as Intl.StringNumericLiteral);
}

const zoned = (zone: string, options: Intl.DateTimeFormatOptions) =>
  new Intl.DateTimeFormat('en-GB', { timeZone: zone, ...options });

/** "5 Oct 2026, 15:03": an instant on the customer's wall clock. */
export function dateTime(instant: Date, zone: string): string {
  return zoned(zone, {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(instant);
}

/** "1 November 2026": the customer's calendar date of an instant. */
export function longDate(instant: Date, zone: string): string {
  return zoned(zone, { day: 'numeric', month: 'long', year: 'numeric' }).format(instant);
}

/** "October 2026" */
export function periodName(period: BillingPeriod): string {
  return zoned(period.zone.name, { month: 'long', year: 'numeric' }).format(period.start);
}

/** "1 – 31 October 2026": a period's first and last calendar day in its zone. */
export function periodDays(period: BillingPeriod): string {
  const last = new Date(period.end.getTime() - 1);
  const zone = period.zone.name;
  return `${zoned(zone, { day: 'numeric' }).format(period.start)} – ${longDate(last, zone)}`;
}

/** "2026-10-05T15:03:00+01:00": an instant with the customer's offset, for files a machine reads. */
export function localIso(instant: Date, zone: string): string {
  const parts = Object.fromEntries(
    zoned(zone, {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
      timeZoneName: 'longOffset',
    })
      .formatToParts(instant)
      .map((part) => [part.type, part.value]),
  );
  const offset = parts.timeZoneName === 'GMT' ? '+00:00' : parts.timeZoneName.replace('GMT', '');
  return `${parts.year}-${parts.month}-${parts.day}T${parts.hour}:${parts.minute}:${parts.second}${offset}`;
}

/** "3 min", "1 h 05 min": a call's billed minutes. */
export function minutes(total: number): string {
  if (total < 60) return `${total} min`;
  return `${Math.floor(total / 60)} h ${String(total % 60).padStart(2, '0')} min`;
}
