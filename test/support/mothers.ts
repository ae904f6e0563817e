import type { TestApp } from './test-app';

let lineCounter = 0;
let callCounter = 0;

/** A fresh, valid Portuguese mobile number each time (valid by libphonenumber's full metadata). */
export function aPhoneNumber(): string {
  lineCounter += 1;
  return `+3519${String(12000000 + lineCounter * 7 + Math.floor(Math.random() * 5)).padStart(8, '0')}`;
}

export interface CustomerBody {
  name?: string;
  email?: string | null;
  timezone?: string;
  plan?: string;
  phoneNumbers?: string[];
  billingAddress?: Record<string, unknown> | null;
}

export interface CreatedCustomer {
  id: string;
  phoneNumber: string;
  apiKey?: string;
  body: Record<string, unknown>;
}

/** Registers a customer with one line (unless given) and returns its id and first number. */
export async function aCustomer(service: TestApp, overrides: CustomerBody = {}): Promise<CreatedCustomer> {
  const phoneNumbers = overrides.phoneNumbers ?? [aPhoneNumber()];
  const response = await service
    .http()
    .post('/v1/customers')
    .send({ name: 'Ada Lovelace', email: 'ada@example.com', timezone: 'UTC', ...overrides, phoneNumbers })
    .expect(201);
  const body = response.body as Record<string, unknown>;
  return {
    id: body.id as string,
    phoneNumber: phoneNumbers[0],
    apiKey: body.apiKey as string | undefined,
    body,
  };
}

export interface CallBody {
  callId?: string;
  phoneNumber: string;
  destination?: string | null;
  startedAt?: string;
  minutes?: number;
  /** Instead of minutes (the record then carries no `minutes`). */
  durationSeconds?: number;
}

export function aCall(overrides: CallBody): Record<string, unknown> {
  callCounter += 1;
  return {
    callId: `sw1-${Date.now().toString(36)}-${callCounter}`,
    destination: '+14155550100',
    startedAt: '2026-10-05T14:03:00Z',
    ...(overrides.durationSeconds === undefined ? { minutes: 3 } : {}),
    ...overrides,
  };
}

/** Posts calls as one batch and expects them all accepted. */
export async function postCalls(service: TestApp, calls: Record<string, unknown>[]): Promise<void> {
  const response = await service.http().post('/v1/calls/batch').send({ calls }).expect(200);
  const body = response.body as { accepted: number; rejected: unknown[] };
  if (body.rejected.length > 0) throw new Error(`calls rejected: ${JSON.stringify(body.rejected)}`);
}
