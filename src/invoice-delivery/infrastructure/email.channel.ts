import { Injectable } from '@nestjs/common';
import { createTransport } from 'nodemailer';
import { AppConfiguration } from '../../config';
import { DeliveryAttemptError } from '../application/delivery-attempt.error';
import { EmailMessage, EmailSender } from '../application/email-sender.port';

type Transport = ReturnType<typeof createTransport>;

interface SmtpFailure {
  name?: string;
  code?: string;
  responseCode?: number;
  response?: string;
}

/**
 * Email through SMTP_URL with nodemailer, one connection per message. Every stage (connect,
 * greeting, each command) and the whole send are bounded by DELIVERY_SEND_TIMEOUT_MS: the send is
 * aborted at the timeout, so it can never outlive the dispatcher's lease.
 */
@Injectable()
export class NodemailerEmailSender extends EmailSender {
  private readonly transport: Transport;
  private readonly timeoutMs: number;

  constructor(config: AppConfiguration) {
    super();
    this.timeoutMs = config.DELIVERY_SEND_TIMEOUT_MS;
    this.transport = createTransport(
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

  async send(message: EmailMessage): Promise<void> {
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
export function describeSmtpFailure(failure: SmtpFailure, timeoutMs: number): string {
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

/** For instances without SMTP_URL: the dispatcher never claims email deliveries there. */
export class DisabledEmailSender extends EmailSender {
  send(): Promise<void> {
    return Promise.reject(new DeliveryAttemptError('email delivery is not configured on this instance'));
  }
}
