import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** How the peer answers the next sends. */
export type PeerMode = 'ok' | 'no_balance' | 'http_500' | 'timeout';

/** An SMS the peer accepted. */
export interface ReceivedSms {
  readonly provider: 'smsc' | 'smsru';
  readonly phone: string;
  readonly text: string;
  readonly id: string;
  /** Every form field of the request (to check what the client sent). */
  readonly fields: Readonly<Record<string, string>>;
}

/**
 * A local HTTP server answering as SMSC (`/sys/send.php`, `/sys/status.php`) and SMS.ru
 * (`/sms/send`, `/sms/status`) do, in their JSON formats and with their error codes: success,
 * an invalid number (numbers in `invalidNumbers`), no balance, a 5xx and a request never answered.
 */
export interface SmsPeer {
  readonly url: string;
  readonly received: ReceivedSms[];
  mode: PeerMode;
  readonly invalidNumbers: Set<string>;
  /** Ids the status methods report as delivered. */
  readonly delivered: Set<string>;
  /** Resolves with the next SMS accepted (that `match` accepts, when given). */
  next(match?: (sms: ReceivedSms) => boolean): Promise<ReceivedSms>;
  close(): Promise<void>;
}

const SMSC_CREDENTIALS = { login: 'school42', psw: 'smsc-secret' };
const SMSRU_API_ID = 'SMSRU-TEST-API-ID';

async function formOf(request: IncomingMessage): Promise<Record<string, string>> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  const query = new URL(request.url ?? '/', 'http://peer').searchParams;
  const body = new URLSearchParams(Buffer.concat(chunks).toString('utf8'));
  return { ...Object.fromEntries(query), ...Object.fromEntries(body) };
}

/** The credentials the peer accepts (tests configure the transports with them). */
export const SMS_PEER_CREDENTIALS = {
  smsc: { login: SMSC_CREDENTIALS.login, password: SMSC_CREDENTIALS.psw },
  smsru: { apiId: SMSRU_API_ID },
} as const;

/** Starts the peer on a free port of 127.0.0.1. */
export async function startSmsPeer(): Promise<SmsPeer> {
  const received: ReceivedSms[] = [];
  const waiting: { match: (sms: ReceivedSms) => boolean; resolve: (sms: ReceivedSms) => void }[] =
    [];
  const hanging: ServerResponse[] = [];
  let counter = 1000;
  const state = { mode: 'ok' as PeerMode };
  const invalidNumbers = new Set<string>();
  const delivered = new Set<string>();

  const json = (response: ServerResponse, body: unknown): void =>
    void response
      .writeHead(200, { 'content-type': 'application/json; charset=utf-8' })
      .end(JSON.stringify(body));

  function accept(
    provider: 'smsc' | 'smsru',
    phone: string,
    text: string,
    fields: Record<string, string>,
    id: string,
  ) {
    const sms = { provider, phone, text, id, fields };
    received.push(sms);
    const at = waiting.findIndex((w) => w.match(sms));
    if (at >= 0) waiting.splice(at, 1)[0]?.resolve(sms);
  }

  function smsc(path: string, fields: Record<string, string>, response: ServerResponse): void {
    if (fields.login !== SMSC_CREDENTIALS.login || fields.psw !== SMSC_CREDENTIALS.psw)
      return json(response, { error: 'authorise error', error_code: 2 });
    if (path === '/sys/status.php') {
      if (!received.some((r) => r.provider === 'smsc' && r.id === fields.id))
        return json(response, { status: -3, last_date: '', last_timestamp: 0 });
      return json(
        response,
        delivered.has(fields.id ?? '')
          ? { status: 1, last_date: '06.12.2026 09:00:00', last_timestamp: 0 }
          : { status: 0, last_date: '', last_timestamp: 0 },
      );
    }
    if (state.mode === 'no_balance') return json(response, { error: 'no money', error_code: 3 });
    const phone = fields.phones ?? '';
    if (!/^7\d{10}$/.test(phone) || invalidNumbers.has(phone))
      return json(response, { error: 'invalid number', error_code: 7 });
    const id = fields.id ?? String(++counter);
    accept('smsc', phone, fields.mes ?? '', fields, id);
    json(response, { id: Number(id), cnt: 1 });
  }

  function smsru(path: string, fields: Record<string, string>, response: ServerResponse): void {
    if (fields.api_id !== SMSRU_API_ID)
      return json(response, {
        status: 'ERROR',
        status_code: 200,
        status_text: 'Неправильный api_id',
      });
    if (path === '/sms/status') {
      const id = fields.sms_id ?? '';
      const known = received.some((r) => r.provider === 'smsru' && r.id === id);
      const code = !known ? -1 : delivered.has(id) ? 103 : 102;
      return json(response, {
        status: 'OK',
        status_code: 100,
        sms: { [id]: { status: known ? 'OK' : 'ERROR', status_code: code, status_text: '' } },
        balance: 100.5,
      });
    }
    if (state.mode === 'no_balance')
      return json(response, {
        status: 'ERROR',
        status_code: 201,
        status_text: 'Не хватает средств на лицевом счету',
      });
    const phone = fields.to ?? '';
    if (!/^7\d{10}$/.test(phone) || invalidNumbers.has(phone))
      return json(response, {
        status: 'OK',
        status_code: 100,
        sms: {
          [phone]: {
            status: 'ERROR',
            status_code: 202,
            status_text: 'Неправильно указан номер телефона получателя',
          },
        },
        balance: 100.5,
      });
    const id = `000000-${++counter}`;
    accept('smsru', phone, fields.msg ?? '', fields, id);
    json(response, {
      status: 'OK',
      status_code: 100,
      sms: { [phone]: { status: 'OK', status_code: 100, sms_id: id } },
      balance: 100.5,
    });
  }

  const server: Server = createServer((request, response) => {
    formOf(request).then(
      (fields) => {
        const path = new URL(request.url ?? '/', 'http://peer').pathname;
        const sending = path === '/sys/send.php' || path === '/sms/send';
        if (sending && state.mode === 'http_500') return response.writeHead(502).end('Bad Gateway');
        if (sending && state.mode === 'timeout') return void hanging.push(response);
        if (path.startsWith('/sys/')) return smsc(path, fields, response);
        if (path.startsWith('/sms/')) return smsru(path, fields, response);
        response.writeHead(404).end();
      },
      () => response.writeHead(400).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    received,
    invalidNumbers,
    delivered,
    next: (match: (sms: ReceivedSms) => boolean = () => true) =>
      new Promise<ReceivedSms>((resolve) => waiting.push({ match, resolve })),
    close: async () => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  });
}
