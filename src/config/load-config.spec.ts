import { InvalidConfigurationError, loadConfig } from './load-config';

describe('loadConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(loadConfig({})).toMatchObject({
      PORT: 3000,
      LOG_LEVEL: 'info',
      BILLING_TIMEZONE: 'UTC',
      DEFAULT_PLAN: 'postpaid',
      INVOICING_CRON: '0 0 * * * *',
      MAX_CALL_MINUTES: 1440,
      INVOICE_NUMBER_PREFIX: 'INV',
      MIGRATE_ON_START: true,
    });
  });

  it.each([
    ['PORT', 'abc'],
    ['BILLING_TIMEZONE', 'Mars/Olympus'],
    ['INVOICING_CRON', 'every hour'],
    ['MAX_CALL_MINUTES', '0'],
    ['DATABASE_URL', 'mysql://localhost/db'],
    ['LOG_LEVEL', 'loud'],
    ['INVOICE_NUMBER_PREFIX', 'inv-'],
  ])('stops with one line naming %s when it is %j', (variable, value) => {
    let error: unknown;
    try {
      loadConfig({ [variable]: value });
    } catch (thrown) {
      error = thrown;
    }
    expect(error).toBeInstanceOf(InvalidConfigurationError);
    const message = (error as Error).message;
    expect(message).toContain(variable);
    expect(message).toContain(value);
    expect(message.split('\n')).toHaveLength(1);
  });

  it('accepts a six-field cron with seconds, as @nestjs/schedule takes it', () => {
    expect(loadConfig({ INVOICING_CRON: '*/2 * * * * *' }).INVOICING_CRON).toBe('*/2 * * * * *');
  });
});
