import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

export interface MailServer {
  /** SMTP_URL for the service. */
  url: string;
  /** Every message accepted, parsed, in arrival order. */
  messages: ParsedMail[];
  /** Refuse the next `count` messages with a temporary failure (451). */
  refuseNext: (count: number) => void;
  close: () => Promise<void>;
}

/** A real SMTP server on 127.0.0.1 (smtp-server), keeping what it receives (mailparser). */
export async function startMailServer(): Promise<MailServer> {
  const messages: ParsedMail[] = [];
  let refusals = 0;
  const server = new SMTPServer({
    // Plain SMTP on loopback: no TLS upgrade, no login.
    disabledCommands: ['STARTTLS', 'AUTH'],
    authOptional: true,
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          if (refusals > 0) {
            refusals -= 1;
            callback(Object.assign(new Error('4.3.0 mailbox busy, try again later'), { responseCode: 451 }));
            return;
          }
          messages.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return {
    url: `smtp://127.0.0.1:${port}`,
    messages,
    refuseNext: (count) => {
      refusals = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
