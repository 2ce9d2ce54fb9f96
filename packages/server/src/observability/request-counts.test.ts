import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RequestCounts } from './request-counts';

describe('RequestCounts', () => {
  it('counts requests by method, route and status, with cumulative duration buckets', () => {
    const counts = new RequestCounts([0.01, 0.1]);
    counts.observe('GET', '/api/v1/children/:childId/grades', 200, 0.004);
    counts.observe('GET', '/api/v1/children/:childId/grades', 200, 0.05);
    counts.observe('GET', '/api/v1/children/:childId/grades', 200, 3);
    counts.observe('GET', '/api/v1/children/:childId/grades', 404, 0.002);
    const labels = 'method="GET",route="/api/v1/children/:childId/grades"';
    const lines = counts.text().split('\n');
    for (const line of [
      '# TYPE diary_http_requests_total counter',
      `diary_http_requests_total{${labels},status="200"} 3`,
      `diary_http_requests_total{${labels},status="404"} 1`,
      '# TYPE diary_http_request_duration_seconds histogram',
      `diary_http_request_duration_seconds_bucket{le="0.01",${labels},status="200"} 1`,
      `diary_http_request_duration_seconds_bucket{le="0.1",${labels},status="200"} 2`,
      `diary_http_request_duration_seconds_bucket{le="+Inf",${labels},status="200"} 3`,
      `diary_http_request_duration_seconds_sum{${labels},status="200"} 3.054`,
      `diary_http_request_duration_seconds_count{${labels},status="200"} 3`,
      `diary_http_request_duration_seconds_bucket{le="0.01",${labels},status="404"} 1`,
    ])
      assert.ok(lines.includes(line), `missing: ${line}\n${lines.join('\n')}`);
  });

  it('counts a request exactly on a bound in that bucket', () => {
    const counts = new RequestCounts([0.01, 0.1]);
    counts.observe('POST', '/x', 201, 0.01);
    assert.match(counts.text(), /_bucket\{le="0\.01",method="POST",route="\/x",status="201"\} 1/);
  });

  it('escapes quotes, backslashes and newlines in label values', () => {
    const counts = new RequestCounts();
    counts.observe('GET', 'a"b\\c\nd', 200, 0.001);
    assert.match(counts.text(), /route="a\\"b\\\\c\\nd"/);
  });

  it('writes the help and type of both metrics before any request', () => {
    const text = new RequestCounts().text();
    assert.match(text, /^# HELP diary_http_requests_total /m);
    assert.match(text, /^# TYPE diary_http_request_duration_seconds histogram$/m);
  });
});
