import type { Response } from 'supertest';
import { buildOpenApiDocument } from '../../src/openapi-document';
import { OpenApiContract, type OpenApiDocument } from '../support/openapi-contract';

/** The check every suite's responses go through must fail on drift, or it proves nothing. */

const CUSTOMER_ID = '0b7c6f0e-6a44-4e8e-9d1b-2f5c8f4c1a11';
const HEADERS = { 'content-type': 'application/json; charset=utf-8', 'x-request-id': 'req-1' };
const CUSTOMER = {
  id: CUSTOMER_ID,
  name: 'Ada Lovelace',
  email: null,
  timezone: 'Europe/Lisbon',
  plan: 'postpaid',
  pendingPlan: null,
  planEffectiveFrom: null,
  phoneNumbers: ['+351912345678'],
  billingAddress: null,
  createdAt: '2026-10-01T09:30:00.000Z',
};

function response(
  status: number,
  body: unknown,
  options: { headers?: object; path?: string; method?: string } = {},
) {
  return {
    status,
    body,
    text: JSON.stringify(body),
    headers: { ...HEADERS, ...options.headers },
    request: {
      method: options.method ?? 'GET',
      url: `http://127.0.0.1${options.path ?? `/v1/customers/${CUSTOMER_ID}`}`,
    },
  } as unknown as Response;
}

describe('The response check against the OpenAPI document', () => {
  let contract: OpenApiContract;

  beforeAll(async () => {
    contract = new OpenApiContract((await buildOpenApiDocument()) as unknown as OpenApiDocument);
  });

  it('passes a response the document describes', () => {
    expect(contract.failuresOf(response(200, CUSTOMER))).toEqual([]);
  });

  it.each([
    ['an undocumented status', response(202, CUSTOMER), /status 202 is not documented/],
    ['a field the schema does not have', response(200, { ...CUSTOMER, vip: true }), /additional properties/],
    ['a field of the wrong type', response(200, { ...CUSTOMER, email: {} }), /email must be string/],
    [
      'a missing field',
      response(200, { ...CUSTOMER, createdAt: undefined }),
      /required property 'createdAt'/,
    ],
    [
      'a string over its maxLength',
      response(200, { ...CUSTOMER, name: 'x'.repeat(201) }),
      /NOT have more than 200/,
    ],
    [
      'a missing required header',
      response(200, CUSTOMER, { headers: { 'x-request-id': undefined } }),
      /X-Request-Id is missing/,
    ],
    [
      'an undocumented media type',
      response(200, CUSTOMER, { headers: { 'content-type': 'text/html' } }),
      /text\/html is not among/,
    ],
    [
      'a problem that is not one',
      response(404, { message: 'Not Found' }, { headers: { 'content-type': 'application/problem+json' } }),
      /required property 'type'/,
    ],
    [
      'an unrouted answer that is not a refusal',
      response(200, {}, { path: '/v1/nowhere' }),
      /no documented operation/,
    ],
    [
      'a 405 without Allow',
      response(
        405,
        {
          type: 'https://phone-billing.dev/problems/method-not-allowed',
          title: 'Method not allowed',
          status: 405,
          detail: 'x',
        },
        { method: 'DELETE', path: '/v1/plans', headers: { 'content-type': 'application/problem+json' } },
      ),
      /405 without Allow/,
    ],
  ])('fails %s', (_case, answer, failure) => {
    expect(contract.failuresOf(answer).join('\n')).toMatch(failure);
    expect(() => contract.check(answer)).toThrow(failure);
  });
});
