// Call records as the switch sends them, for the API-seeded customers, started earlier in the
// current (open) month so they take the ordinary ingestion path, not the late-call one.
import { periodCode, utcMonthStart } from './seed.mjs';

const EDGE_MS = 60_000;

export function callFactory({ customers, random, now }) {
  const monthStart = utcMonthStart(now).getTime();
  const window = Math.max(0, now.getTime() - monthStart - 2 * EDGE_MS);
  if (window < 60 * 60 * 1000) {
    console.warn('note: less than an hour of the month has passed; calls may take the late-call path');
  }
  return (callId) => {
    const customer = customers[Math.floor(random() * customers.length)];
    const startedAt = new Date(monthStart + EDGE_MS + Math.floor((random() * window) / 1000) * 1000);
    const minutes = 1 + Math.floor(random() * 30);
    return {
      customerId: customer.id,
      record: {
        callId,
        phoneNumber: customer.number,
        destination: `+1415${String(Math.floor(random() * 1e7)).padStart(7, '0')}`,
        startedAt: startedAt.toISOString(),
        minutes,
      },
      period: periodCode(startedAt),
      charge: (minutes * 0.02).toFixed(2),
    };
  };
}
