import { CronTime } from 'cron';
import { IANAZone } from 'luxon';
import { z } from 'zod';

function isCronExpression(expression: string): boolean {
  try {
    new CronTime(expression, 'UTC');
    return true;
  } catch {
    return false;
  }
}

/** A Standard Webhooks secret: `whsec_` + the base64 of a 24 to 64 byte key. */
function isWebhookSecret(secret: string): boolean {
  const key = /^whsec_([A-Za-z0-9+/]+={0,2})$/.exec(secret)?.[1];
  if (!key || key.length % 4 !== 0) return false;
  const bytes = Buffer.from(key, 'base64').length;
  return bytes >= 24 && bytes <= 64;
}

const settingsSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('0.0.0.0'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
    .optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  EMBEDDED_POSTGRES_DIR: z.string().min(1).default('.data/postgres'),
  EMBEDDED_POSTGRES_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  MIGRATE_ON_START: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  OPERATOR_API_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
  // A second bearer key that GET /metrics alone accepts (for the Prometheus server); unset: operator key only.
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  // Requests per minute and API key (requests without a key: per client IP); 0 turns the limit off.
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(1_000_000).default(600),
  // The operator key carries the switch's call records: unlimited unless set.
  OPERATOR_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).max(100_000_000).default(0),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  BILLING_TIMEZONE: z
    .string()
    .default('UTC')
    .refine((zone) => IANAZone.isValidZone(zone), 'must be an IANA time zone such as Europe/Lisbon'),
  DEFAULT_PLAN: z.string().min(1).default('postpaid'),
  BILLING_PLANS_FILE: z.string().min(1).optional(),
  INVOICING_CRON: z
    .string()
    .default('0 0 * * * *')
    .refine(isCronExpression, 'must be a cron expression (optional seconds field first), e.g. "0 0 * * * *"'),
  INVOICING_SCHEDULER: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  INVOICING_BATCH_SIZE: z.coerce.number().int().min(1).max(10000).default(1000),
  // Batches the monthly run issues at once, each on its own connection (keep below the pool size).
  // Three kept both cores of the 2-core bench machine busiest; a divisor of 24 splits customers evenly.
  INVOICING_CONCURRENCY: z.coerce.number().int().min(1).max(24).default(3),
  // Call batches (POST /v1/calls/batch) read and recorded at once; the others wait their turn, unread.
  // Two keep the service judging one while PostgreSQL stores the other, and bound the heap they take.
  CALL_BATCH_CONCURRENCY: z.coerce.number().int().min(1).max(64).default(2),
  // How long an admitted batch's body may take to arrive before its connection is closed.
  CALL_BATCH_READ_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  MAX_CALL_MINUTES: z.coerce.number().int().min(1).max(1_000_000).default(1440),
  // Switch CDR files (README "Switch CDR files"): the largest upload, and the rows recorded per chunk.
  CDR_FILE_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1)
    .max(64 * 1024 ** 3)
    .default(512 * 1024 ** 2),
  CDR_FILE_CHUNK_ROWS: z.coerce.number().int().min(1).max(10_000).default(2_000),
  // The country whose national format CDR numbers without + are in, unless the upload says (country=).
  DEFAULT_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166 alpha-2 country code such as PT or US')
    .optional(),
  INVOICE_NUMBER_PREFIX: z
    .string()
    .regex(/^[A-Z0-9]{1,10}$/, 'must be 1-10 upper-case letters or digits')
    .default('INV'),
  // Invoice delivery (README "Invoice delivery"): a channel is on when its URL is set.
  INVOICE_ISSUER_NAME: z.string().trim().min(1).max(200).default('phone-billing'),
  // The issuer block of the invoice PDF (README "The invoice PDF"): all optional.
  INVOICE_ISSUER_ADDRESS: z
    .string()
    .optional()
    .transform((value) =>
      (value ?? '')
        .split('|')
        .map((line) => line.trim())
        .filter((line) => line.length > 0),
    )
    .refine((lines) => lines.length <= 6, 'must be at most 6 lines, separated by |')
    .refine(
      (lines) => lines.every((line) => line.length <= 100 && !/\p{Cc}/u.test(line)),
      'each line (lines are separated by |) must be at most 100 characters, without control characters',
    ),
  INVOICE_ISSUER_TAX_ID: z.string().trim().max(50).optional().transform(blankAsUnset),
  INVOICE_ISSUER_CONTACT: z.string().trim().max(200).optional().transform(blankAsUnset),
  INVOICE_PAYMENT_TERMS_DAYS: z.coerce.number().int().min(0).max(365).default(14),
  SMTP_URL: z
    .string()
    .regex(
      /^smtps?:\/\/[^/]/,
      'must be an smtp:// or smtps:// URL, e.g. smtp://user:pass@mail.example.com:587',
    )
    .optional(),
  MAIL_FROM: z
    .string()
    .regex(/@/, 'must be a sender address, e.g. "Billing <billing@example.com>"')
    .optional(),
  INVOICE_WEBHOOK_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .optional(),
  INVOICE_WEBHOOK_SECRET: z
    .string()
    .refine(isWebhookSecret, 'must be whsec_ followed by a base64 key of 24 to 64 bytes')
    .optional(),
  DELIVERY_RETRY_BASE_MS: z.coerce.number().int().min(1).max(86_400_000).default(30_000),
  DELIVERY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  DELIVERY_DISPATCHER: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  DELIVERY_POLL_INTERVAL_MS: z.coerce.number().int().min(10).max(3_600_000).default(5_000),
  DELIVERY_BATCH_SIZE: z.coerce.number().int().min(1).max(1_000).default(10),
  DELIVERY_SEND_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(30_000),
  // Customer portal (README "Customer portal"). Unset: http://localhost:<PORT>.
  PUBLIC_BASE_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// URL' })
    .refine(
      isBareOrigin,
      'must be the origin alone, without a path, query or fragment: https://billing.example.com',
    )
    .optional(),
  PORTAL_LINK_TTL_SECONDS: z.coerce.number().int().min(1).max(604_800).default(900),
  PORTAL_SESSION_TTL_SECONDS: z.coerce.number().int().min(60).max(2_592_000).default(3600),
  PORTAL_COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('true')
    .transform((value) => value === 'true'),
  // Sign-in attempts with an API key per minute and client IP; 0 turns the limit off.
  PORTAL_LOGIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(0).max(100_000).default(10),
});

function blankAsUnset(value: string | undefined): string | null {
  return value ? value : null;
}

/** The portal's links are built on this origin, so it must be one: `https://host[:port]`, nothing after. */
function isBareOrigin(url: string): boolean {
  const parsed = new URL(url);
  return (
    (parsed.pathname === '/' || parsed.pathname === '') && !parsed.search && !parsed.hash && !parsed.username
  );
}

/** One schema for every setting; `loadConfig` fails fast on the first start with a message naming the variable. */
export const configSchema = settingsSchema
  .superRefine((config, context) => {
    // Development generates a key at start (operator-key.ts); production must be given one.
    if (config.NODE_ENV === 'production' && !config.OPERATOR_API_KEY) {
      context.addIssue({
        code: 'custom',
        path: ['OPERATOR_API_KEY'],
        message: "must be set when NODE_ENV=production (the operator's bearer key, at least 16 characters)",
      });
    }
    if (config.SMTP_URL && !config.MAIL_FROM) {
      context.addIssue({ code: 'custom', path: ['MAIL_FROM'], message: 'must be set when SMTP_URL is set' });
    }
    if (config.INVOICE_WEBHOOK_URL && !config.INVOICE_WEBHOOK_SECRET) {
      context.addIssue({
        code: 'custom',
        path: ['INVOICE_WEBHOOK_SECRET'],
        message: 'must be set when INVOICE_WEBHOOK_URL is set (whsec_ followed by a base64 key)',
      });
    }
  })
  .transform((config) => ({
    ...config,
    PUBLIC_BASE_URL: new URL(config.PUBLIC_BASE_URL ?? `http://localhost:${config.PORT}`).origin,
  }));

export type AppConfig = z.infer<typeof configSchema>;
