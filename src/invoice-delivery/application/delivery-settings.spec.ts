import { InvalidConfigurationError, loadConfig } from '../../config';
import { deliverySettings, LEASE_TIMEOUTS } from './delivery-settings';

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env });

describe('Delivery configuration', () => {
  it('has the documented defaults when nothing is set (every channel off: see the channel registry)', () => {
    const config = load({});
    expect(config).toMatchObject({
      DELIVERY_RETRY_BASE_MS: 30_000,
      DELIVERY_MAX_ATTEMPTS: 8,
      DELIVERY_DISPATCHER: true,
      DELIVERY_POLL_INTERVAL_MS: 5_000,
      DELIVERY_BATCH_SIZE: 10,
      DELIVERY_SEND_TIMEOUT_MS: 30_000,
      INVOICE_ISSUER_NAME: 'phone-billing',
    });
    const settings = deliverySettings(config);
    expect(settings.leaseMs).toBe(LEASE_TIMEOUTS * 30_000);
    expect(settings.policy).toMatchObject({ baseMs: 30_000, maxAttempts: 8 });
  });

  it.each([
    [{ SMTP_URL: 'smtp://mail.example.com' }, 'MAIL_FROM must be set when SMTP_URL is set'],
    [
      { SMTP_URL: 'http://mail.example.com', MAIL_FROM: 'a@b.c' },
      'SMTP_URL must be an smtp:// or smtps:// URL',
    ],
    [{ INVOICE_WEBHOOK_URL: 'https://hooks.example.com' }, 'INVOICE_WEBHOOK_SECRET must be set'],
    [
      { INVOICE_WEBHOOK_URL: 'ftp://hooks.example.com', INVOICE_WEBHOOK_SECRET: SECRET },
      'INVOICE_WEBHOOK_URL',
    ],
    [{ INVOICE_WEBHOOK_SECRET: 'not-a-secret' }, 'INVOICE_WEBHOOK_SECRET must be whsec_'],
    [{ INVOICE_WEBHOOK_SECRET: `whsec_${Buffer.alloc(8).toString('base64')}` }, 'INVOICE_WEBHOOK_SECRET'],
    [{ DELIVERY_MAX_ATTEMPTS: '0' }, 'DELIVERY_MAX_ATTEMPTS'],
    [{ DELIVERY_RETRY_BASE_MS: '1.5' }, 'DELIVERY_RETRY_BASE_MS'],
  ])('refuses %p', (env, message) => {
    expect(() => load(env)).toThrow(InvalidConfigurationError);
    expect(() => load(env)).toThrow(message);
  });
});
