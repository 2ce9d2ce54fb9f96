import { createServer, type Server } from 'node:http';
import type { DiaryMetrics } from './metrics';

/**
 * Serves `GET /metrics` alone on its own address (e.g. 127.0.0.1:9464), apart from the public
 * port, for a Prometheus on the same host or network. Resolves once listening.
 */
export async function serveMetrics(
  metrics: DiaryMetrics,
  at: { readonly host: string; readonly port: number },
): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.method !== 'GET' || request.url?.split('?')[0] !== '/metrics') {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
      return;
    }
    metrics.text().then(
      ({ contentType, body }) => response.writeHead(200, { 'content-type': contentType }).end(body),
      () => response.writeHead(500, { 'content-type': 'text/plain' }).end('metrics failed\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(at.port, at.host, () => resolve());
  });
  return server;
}
