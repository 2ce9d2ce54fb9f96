import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import type { TestCertificate } from './tls-cert';

/** A real SMTP server in the test process: STARTTLS, a login, and every message parsed. */
export interface SmtpPeer {
  readonly port: number;
  readonly messages: ParsedMail[];
  /** SMTP reply code for the next messages (e.g. 550, 451); null accepts them. */
  refuseWith: number | null;
  /** Resolves with the next message received. */
  next(): Promise<ParsedMail>;
  close(): Promise<void>;
}

/** Starts an SMTP server on a free port of 127.0.0.1 that requires STARTTLS and the given login. */
export async function startSmtpPeer(
  certificate: TestCertificate,
  login: { user: string; password: string },
): Promise<SmtpPeer> {
  const messages: ParsedMail[] = [];
  const waiting: ((mail: ParsedMail) => void)[] = [];
  const peer = { refuseWith: null as number | null };
  const server = new SMTPServer({
    key: certificate.key,
    cert: certificate.cert,
    authMethods: ['PLAIN', 'LOGIN'],
    // No login before the connection is encrypted (the default).
    allowInsecureAuth: false,
    logger: false,
    onAuth(auth, _session, callback) {
      if (auth.username === login.user && auth.password === login.password)
        callback(null, { user: auth.username });
      else callback(new Error('Invalid username or password'));
    },
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          if (peer.refuseWith !== null) {
            const error = Object.assign(new Error('Refused by the test peer'), {
              responseCode: peer.refuseWith,
            });
            callback(error);
            return;
          }
          messages.push(mail);
          waiting.shift()?.(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return Object.assign(peer, {
    port,
    messages,
    next: () => new Promise<ParsedMail>((resolve) => waiting.push(resolve)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}
