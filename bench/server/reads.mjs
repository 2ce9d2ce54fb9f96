// The reads the server benchmarks measure (bench/server/run.mjs, cpu-per-request.mjs): Мария's
// marks for the whole school year and her class's timetable this week, each asked with the headers
// a browser sends on a cross-origin call (answered brotli) and with gzip only.
import { get } from 'node:http';

/** The demo child whose marks are read. */
export const CHILD = 'chd_maria';
/** The school site that embeds the widgets: the server lets it call the API (CORS). */
export const SITE_ORIGIN = 'https://school.example';
/**
 * Each read is measured as a widget on the school's site asks for it: the headers a browser sends
 * on a cross-origin call with a bearer token (the answer is brotli-compressed), and as a client
 * that takes gzip only.
 */
export const ENCODINGS = [
  {
    name: 'br',
    headers: {
      origin: SITE_ORIGIN,
      'accept-encoding': 'gzip, deflate, br, zstd',
      'accept-language': 'ru-RU,ru;q=0.9,en;q=0.8',
      accept: '*/*',
      'sec-fetch-mode': 'cors',
      'sec-fetch-site': 'cross-site',
      'user-agent':
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/156.0.0.0 Safari/537.36',
    },
  },
  { name: 'gzip', headers: { origin: SITE_ORIGIN, 'accept-encoding': 'gzip' } },
];
/** `2026-W48` of a date (ISO 8601 week). */
function isoWeek(date) {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  d.setUTCDate(d.getUTCDate() + 4 - (d.getUTCDay() || 7));
  const week = Math.ceil(((d - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}

/** A GET as the bytes on the wire (fetch would undo the gzip that the ceiling must replay). */
export function getRaw(url, headers) {
  return new Promise((resolve, reject) => {
    get(url, { headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => resolve({ res, body: Buffer.concat(chunks) }));
    }).on('error', reject);
  });
}

async function getJson(url, headers) {
  const { res, body } = await getRaw(url, headers);
  if (res.statusCode !== 200) throw new Error(`GET ${url}: ${res.statusCode} ${body}`);
  return JSON.parse(body.toString());
}

/** The reads: Мария's marks for the whole school year and her class's current week, each encoding. */
export async function targetsOf(url, auth) {
  const year = await getJson(`${url}/api/v1/children/${CHILD}/periods`, auth);
  const child = await getJson(`${url}/api/v1/children/${CHILD}`, auth);
  const reads = [
    {
      name: 'marks of a child, whole school year',
      path: `/api/v1/children/${CHILD}/grades?from=${year.startDate}&to=${year.endDate}`,
    },
    {
      name: "timetable of the child's class, this week",
      path: `/api/v1/classes/${child.classId}/timetable?week=${isoWeek(new Date())}`,
    },
  ];
  return reads.flatMap((read) =>
    ENCODINGS.map((encoding) => ({
      ...read,
      name: `${read.name} (${encoding.name})`,
      encoding: encoding.name,
      headers: { ...auth, ...encoding.headers },
    })),
  );
}
