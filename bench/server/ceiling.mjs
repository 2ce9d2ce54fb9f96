// The ceiling: a bare node:http server that answers each benchmarked URL with the very bytes
// (status line, headers and body) the real server sent for it, precomputed. Whatever the real
// server spends on routing, authentication, authorisation and the cache shows as the gap to it.
// Usage: node ceiling.mjs <responses.json>; prints "listening on http://127.0.0.1:PORT".
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

const spec = JSON.parse(readFileSync(process.argv[2], 'utf8'));
const key = (encoding, path) => `${encoding} ${path}`;
const responses = new Map(
  spec.map(({ path, encoding, headers, body }) => [
    key(encoding, path),
    { headers, body: Buffer.from(body, 'base64') },
  ]),
);

const server = createServer((req, res) => {
  // The one choice the ceiling makes: the compressed bytes the client takes, brotli first.
  const accepted = req.headers['accept-encoding'] ?? '';
  const encoding = /\bbr\b/.test(accepted) ? 'br' : /gzip/.test(accepted) ? 'gzip' : 'identity';
  const response = responses.get(key(encoding, req.url));
  if (!response) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, response.headers);
  res.end(response.body);
});
server.keepAliveTimeout = 72_000;
server.listen(0, '127.0.0.1', () => {
  console.log(`listening on http://127.0.0.1:${server.address().port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
