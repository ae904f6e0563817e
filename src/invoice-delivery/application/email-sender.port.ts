export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  attachment: { filename: string; content: Buffer; contentType: string };
}

/** Port: hands one message to the mail system, or throws a DeliveryAttemptError. */
export abstract class EmailSender {
  abstract send(message: EmailMessage): Promise<void>;
}
