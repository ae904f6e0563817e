import type * as Nodemailer from 'nodemailer';
import type { AppConfig } from '../../config';
import type { CustomerProfile } from '../../customers';
import { DeliveryAttemptError } from '../application/delivery-attempt.error';
import { DeliveryChannel, type DeliveryContent } from '../application/delivery-channel';
import type { DeliveryJob } from '../application/delivery-job.repository';
import { type EmailMessage, invoiceEmail } from '../application/invoice-email';
import type { OutboxFields } from '../domain/delivery';

type Transport = ReturnType<typeof Nodemailer.createTransport>;

/** Loaded when an email channel is made (SMTP_URL set), not at every start (~100 ms). */
function loadNodemailer(): typeof Nodemailer {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- a lazy load, of the CommonJS build the import would take
  return require('nodemailer') as typeof Nodemailer;
}

interface SmtpFailure {
  name?: string;
  code?: string;
  responseCode?: number;
  response?: string;
}

/**
 * The invoice by email, its PDF attached, to the customer's address at issue time (no address, no
 * email delivery). Through SMTP_URL with nodemailer, one connection per message. Every stage
 * (connect, greeting, each command) and the whole send are bounded by DELIVERY_SEND_TIMEOUT_MS:
 * the send is aborted at the timeout, so it can never outlive the dispatcher's lease.
 */
export class EmailChannel extends DeliveryChannel {
  static readonly channel = 'email';
  readonly name = EmailChannel.channel;
  private readonly transport: Transport;
  private readonly timeoutMs: number;
  private readonly issuerName: string;

  static offReason(config: AppConfig): string | null {
    return config.SMTP_URL ? null : 'SMTP_URL is not set';
  }

  constructor(config: AppConfig) {
    super();
    this.timeoutMs = config.DELIVERY_SEND_TIMEOUT_MS;
    this.issuerName = config.INVOICE_ISSUER_NAME;
    this.transport = loadNodemailer().createTransport(
      {
        url: config.SMTP_URL!,
        connectionTimeout: this.timeoutMs,
        greetingTimeout: this.timeoutMs,
        socketTimeout: this.timeoutMs,
        dnsTimeout: this.timeoutMs,
      },
      { from: config.MAIL_FROM },
    );
  }

  outboxFields(customer: CustomerProfile): OutboxFields | null {
    return customer.email ? { recipient: customer.email, webhookId: null } : null;
  }

  /** Events (`balance.low`) go to the webhook only. */
  eventFields(): null {
    return null;
  }

  async send(job: DeliveryJob, content: DeliveryContent): Promise<void> {
    if (content.kind !== 'invoice')
      throw new DeliveryAttemptError(`email does not carry ${content.kind} events`);
    const customer = await content.customer();
    const pdf = await content.pdf();
    await this.sendMail(
      invoiceEmail(content.invoice, job.fields.recipient!, customer.name, this.issuerName, pdf),
    );
  }

  private async sendMail(message: EmailMessage): Promise<void> {
    try {
      await this.transport.sendMail({
        to: message.to,
        subject: message.subject,
        text: message.text,
        attachments: [message.attachment],
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (error) {
      throw new DeliveryAttemptError(describeSmtpFailure(error as SmtpFailure, this.timeoutMs));
    }
  }
}

/** The server's own reply when there is one; otherwise the kind of failure, without host names. */
function describeSmtpFailure(failure: SmtpFailure, timeoutMs: number): string {
  if (failure.responseCode)
    return `the mail server refused the message: ${failure.response ?? failure.responseCode}`;
  switch (failure.code) {
    case 'ECONNECTION':
    case 'EDNS':
      return 'could not connect to the mail server';
    case 'ETIMEDOUT':
    case 'EABORT':
      return `the mail server did not answer within ${timeoutMs} ms`;
    case 'EAUTH':
      return 'the mail server refused the credentials';
    case 'ETLS':
      return 'the TLS handshake with the mail server failed';
    case 'EENVELOPE':
      return 'the mail server refused the sender or recipient address';
    default:
      return `the mail server connection failed (${failure.code ?? failure.name ?? 'unknown error'})`;
  }
}
