import { loadConfig } from '../../config';
import { TimeZone } from '../../shared/domain/time-zone';
import { DELIVERY_CHANNELS } from '../domain/delivery';
import { configuredChannels, DELIVERY_CHANNEL_CLASSES } from './delivery-channel.registry';
import { EmailChannel } from './email.channel';
import { WebhookChannel } from './webhook.channel';

const SECRET = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;
const load = (env: Record<string, string>) => loadConfig({ NODE_ENV: 'test', ...env });
const email = {
  SMTP_URL: 'smtp://user:pass@mail.example.com:587',
  MAIL_FROM: 'Billing <billing@example.com>',
};
const webhook = { INVOICE_WEBHOOK_URL: 'https://hooks.example.com/invoices', INVOICE_WEBHOOK_SECRET: SECRET };
const customer = (email: string | null) => ({
  id: '0193a9a4-0000-7000-8000-000000000001',
  name: 'Ada Lovelace',
  email,
  timezone: TimeZone.UTC,
  billingAddress: null,
  createdAt: new Date('2026-09-15T00:00:00Z'),
  planDuring: () => 'postpaid',
});

describe('The delivery channel registry', () => {
  it('has a class for every channel name, whose channels carry that name', () => {
    expect(Object.keys(DELIVERY_CHANNEL_CLASSES).sort()).toEqual([...DELIVERY_CHANNELS].sort());
    const config = load({ ...email, ...webhook });
    for (const [name, channelClass] of Object.entries(DELIVERY_CHANNEL_CLASSES)) {
      expect(channelClass.channel).toBe(name);
      expect(new channelClass(config).name).toBe(name);
    }
  });

  it('has every channel off when nothing is set, saying why', () => {
    const channels = configuredChannels(load({}));
    expect(channels.names).toEqual([]);
    expect(channels.off).toEqual([
      { name: 'email', reason: 'SMTP_URL is not set' },
      { name: 'webhook', reason: 'INVOICE_WEBHOOK_URL is not set' },
    ]);
  });

  it('turns a channel on when its URL is set', () => {
    expect(configuredChannels(load({ ...email, ...webhook })).names).toEqual(['email', 'webhook']);
    expect(configuredChannels(load(email)).names).toEqual(['email']);
    expect(configuredChannels(load(webhook)).names).toEqual(['webhook']);
    expect(configuredChannels(load(webhook)).off).toEqual([{ name: 'email', reason: 'SMTP_URL is not set' }]);
  });

  it('finds a channel that is on by name, and refuses one that is off', () => {
    const channels = configuredChannels(load(webhook));
    expect(channels.get('webhook')).toBeInstanceOf(WebhookChannel);
    expect(() => channels.get('email')).toThrow('delivery channel email is not on in this instance');
  });
});

describe('What each channel fixes when an invoice is issued', () => {
  const channels = configuredChannels(load({ ...email, ...webhook }));

  it('email: the customer address, and nothing for a customer without one', () => {
    const channel = channels.get('email');
    expect(channel).toBeInstanceOf(EmailChannel);
    expect(channel.outboxFields(customer('ada@example.com'))).toEqual({
      recipient: 'ada@example.com',
      webhookId: null,
    });
    expect(channel.outboxFields(customer(null))).toBeNull();
    expect(channel.outboxFields(customer(''))).toBeNull();
  });

  it('webhook: a fresh Standard Webhooks message id for every invoice', () => {
    const channel = channels.get('webhook');
    const first = channel.outboxFields(customer(null));
    const second = channel.outboxFields(customer('ada@example.com'));
    expect(first).toEqual({ recipient: null, webhookId: expect.stringMatching(/^msg_[0-9a-f]{32}$/) });
    expect(second!.webhookId).not.toBe(first!.webhookId);
  });
});

describe('What each channel fixes when a balance.low event is queued', () => {
  const channels = configuredChannels(load({ ...email, ...webhook }));

  it('email: nothing, events go by webhook only', () => {
    expect(channels.get('email').eventFields()).toBeNull();
  });

  it('webhook: a fresh Standard Webhooks message id for every event', () => {
    const channel = channels.get('webhook');
    const [first, second] = [channel.eventFields(), channel.eventFields()];
    expect(first).toEqual({ recipient: null, webhookId: expect.stringMatching(/^msg_[0-9a-f]{32}$/) });
    expect(second!.webhookId).not.toBe(first!.webhookId);
  });
});
