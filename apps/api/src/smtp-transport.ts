import { createTransport } from 'nodemailer';
import type { Mail, MailTransport } from './outbox-worker';

export interface SmtpSettings {
  host: string;
  port: number;
  /** implicit: TLS from the first byte (port 465); starttls: upgrade required (587); none: plain (a local relay only). */
  tls: 'implicit' | 'starttls' | 'none';
  user?: string | undefined;
  password?: string | undefined;
  /** The From address, e.g. "Tsumiki <no-reply@example.jp>". */
  from: string;
  /** Connection and greeting timeouts, in milliseconds. */
  timeoutMs?: number;
}

/**
 * The outbox's mail sent through an SMTP server (nodemailer). Errors are passed on as nodemailer
 * raises them — with the server's `responseCode`, which the outbox worker reads to tell a refusal
 * for good (5xx) from one worth retrying (4xx, a connection that failed).
 */
export function smtpTransport(settings: SmtpSettings): MailTransport & { close(): void } {
  const timeout = settings.timeoutMs ?? 30_000;
  const transporter = createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.tls === 'implicit',
    requireTLS: settings.tls === 'starttls',
    ignoreTLS: settings.tls === 'none',
    ...(settings.user ? { auth: { user: settings.user, pass: settings.password ?? '' } } : {}),
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  return {
    async send(mail: Mail) {
      await transporter.sendMail({
        from: settings.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        messageId: `<${mail.messageId}@tsumiki.local>`,
      });
    },
    close: () => transporter.close(),
  };
}
