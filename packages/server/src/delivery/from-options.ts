import type { OpsOptions } from '../cli-ops-args';
import type { DeliverySettings } from './delivery';
import { SmtpTransport } from './email-smtp';
import { SmscTransport } from './sms-smsc';
import { SmsRuTransport } from './sms-smsru';
import type { Transport } from './transport';

/** The transports and rate limits the command line configures; undefined when none is. */
export function deliverySettingsOf(ops: OpsOptions): DeliverySettings | undefined {
  const transports: Transport[] = [];
  const ratePerSecond: Record<string, number> = {};
  const { sms, smtp } = ops;
  if (sms) {
    const base = sms.apiUrl === null ? {} : { baseUrl: sms.apiUrl };
    const sender = sms.sender === null ? {} : { sender: sms.sender };
    transports.push(
      sms.provider === 'smsc'
        ? new SmscTransport({ login: sms.login, password: sms.password, ...sender, ...base })
        : new SmsRuTransport({ apiId: sms.apiId, ...sender, ...base }),
    );
    if (sms.rate !== null) ratePerSecond[sms.provider] = sms.rate;
  }
  if (smtp) {
    transports.push(
      new SmtpTransport({
        host: smtp.host,
        port: smtp.port,
        security: smtp.security,
        from: smtp.from,
        ...(smtp.user === null ? {} : { user: smtp.user }),
        ...(smtp.password === null ? {} : { password: smtp.password }),
        ...(smtp.ca === null ? {} : { caFile: smtp.ca }),
      }),
    );
    if (smtp.rate !== null) ratePerSecond.smtp = smtp.rate;
  }
  return transports.length ? { transports, ratePerSecond } : undefined;
}

/** `smsc, smtp` or what is missing, for the start-up report. */
export function describeDelivery(ops: OpsOptions, dev: boolean): string {
  const parts = [
    ops.sms ? `SMS via ${ops.sms.provider === 'smsc' ? 'SMSC' : 'SMS.ru'}` : 'no SMS provider',
    ops.smtp ? `e-mail via ${ops.smtp.host}:${ops.smtp.port}` : 'no SMTP server',
  ];
  const idle = !ops.sms || !ops.smtp;
  const note = idle
    ? dev
      ? ' (the rest stays in the dev outbox)'
      : ' (the rest stays queued: sign-in codes will not arrive)'
    : '';
  return parts.join(', ') + note;
}
