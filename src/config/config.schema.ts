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
  MAX_CALL_MINUTES: z.coerce.number().int().min(1).max(1_000_000).default(1440),
  INVOICE_NUMBER_PREFIX: z
    .string()
    .regex(/^[A-Z0-9]{1,10}$/, 'must be 1-10 upper-case letters or digits')
    .default('INV'),
});

/** One schema for every setting; `loadConfig` fails fast on the first start with a message naming the variable. */
export const configSchema = settingsSchema.superRefine((config, context) => {
  // Development generates a key at start (operator-key.ts); production must be given one.
  if (config.NODE_ENV === 'production' && !config.OPERATOR_API_KEY) {
    context.addIssue({
      code: 'custom',
      path: ['OPERATOR_API_KEY'],
      message: "must be set when NODE_ENV=production (the operator's bearer key, at least 16 characters)",
    });
  }
});

export type AppConfig = z.infer<typeof configSchema>;
