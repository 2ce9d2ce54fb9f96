import { readFileSync } from 'node:fs';
import nodemailer, { type Transporter } from 'nodemailer';
import { composeEmail } from './email-text';
import { DeliveryError, type DeliverableMessage, type Transport } from './transport';

/** How the connection to the SMTP server is protected. */
export type SmtpSecurity = 'starttls' | 'tls' | 'none';

/** Settings of the SMTP server e-mail goes through. */
export interface SmtpOptions {
  readonly host: string;
  readonly port: number;
  /** `tls`: TLS from the first byte (port 465); `starttls`: upgrade required (587); `none`: plain. */
  readonly security: SmtpSecurity;
  readonly user?: string;
  readonly password?: string;
  /** `Школа № 42 <diary@school42.example>`. */
  readonly from: string;
  /** A PEM file of the CA to trust for the server's certificate (a private CA). */
  readonly caFile?: string;
  /** Seconds to wait for the server at each step. */
  readonly timeoutSeconds?: number;
}

function errorOf(error: unknown): DeliveryError {
  const e = (error ?? {}) as { responseCode?: number; code?: string; message?: string };
  const detail = e.message ?? String(error);
  if (typeof e.responseCode === 'number')
    return e.responseCode >= 500
      ? new DeliveryError(
          e.code === 'EAUTH' ? 'auth_failed' : 'rejected',
          e.code !== 'EAUTH',
          detail,
        )
      : new DeliveryError('smtp_busy', false, detail);
  if (e.code === 'EAUTH') return new DeliveryError('auth_failed', false, detail);
  if (e.code === 'ETIMEDOUT') return new DeliveryError('timeout', false, detail);
  return new DeliveryError('network', false, detail);
}

/** E-mail through an SMTP server (nodemailer), with an HTML and a plain-text part. */
export class SmtpTransport implements Transport {
  readonly channel = 'email';
  readonly name = 'smtp';
  readonly #from: string;
  readonly #transporter: Transporter;

  constructor(options: SmtpOptions) {
    this.#from = options.from;
    const timeout = (options.timeoutSeconds ?? 30) * 1000;
    this.#transporter = nodemailer.createTransport({
      host: options.host,
      port: options.port,
      secure: options.security === 'tls',
      requireTLS: options.security === 'starttls',
      ignoreTLS: options.security === 'none',
      ...(options.user ? { auth: { user: options.user, pass: options.password ?? '' } } : {}),
      ...(options.caFile ? { tls: { ca: readFileSync(options.caFile) } } : {}),
      connectionTimeout: timeout,
      greetingTimeout: timeout,
      socketTimeout: timeout,
    });
  }

  async send(message: DeliverableMessage): Promise<{ providerId: string | null }> {
    const email = composeEmail(message, message.lang);
    try {
      const info = (await this.#transporter.sendMail({
        from: this.#from,
        to: message.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        headers: { 'Content-Language': message.lang },
      })) as { messageId?: string };
      return { providerId: info.messageId ?? null };
    } catch (error) {
      throw errorOf(error);
    }
  }

  close(): void {
    this.#transporter.close();
  }
}
