import http from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphqlLane, parseJsonBody } from '../src/api/http.js';
import { seedDirectory, signIn, startTestApp, type TestApp } from './helpers.js';

let t: TestApp;
let token: string;
let dir: Awaited<ReturnType<typeof seedDirectory>>;
beforeAll(async () => {
  t = await startTestApp();
  dir = await seedDirectory(t.app, 300);
  token = await signIn(t.url, dir.logins.hrAdmin, dir.password);
});
afterAll(async () => {
  await t?.close();
});

const QUERY = '{ employees(first: 3) { totalCount nodes { id name orgUnit { name } } } }';

/** A raw HTTP request, so that headers, chunking and the connection can be watched. */
function raw(
  options: http.RequestOptions,
  write: (req: http.ClientRequest) => void,
): Promise<{ status: number; headers: http.IncomingHttpHeaders; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(t.url);
    const req = http.request(
      { host: url.hostname, port: url.port, path: '/graphql', method: 'POST', ...options },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    write(req);
  });
}

describe('the direct lane for JSON POSTs to /graphql', () => {
  const lane = new GraphqlLane({} as never);
  const request = (method: string, url: string, headers: Record<string, string>) =>
    ({ method, url, headers }) as unknown as http.IncomingMessage;

  it('takes JSON POSTs to /graphql and leaves every other request to Express', () => {
    const json = { 'content-type': 'application/json' };
    expect(lane.takes(request('POST', '/graphql', json))).toBe(true);
    expect(lane.takes(request('POST', '/graphql?op=Page', json))).toBe(true);
    expect(
      lane.takes(
        request('POST', '/graphql', { 'content-type': 'application/json; charset=UTF-8' }),
      ),
    ).toBe(true);
    expect(lane.takes(request('GET', '/graphql?query=%7Bme%7D', {}))).toBe(false);
    expect(lane.takes(request('POST', '/graphqlx', json))).toBe(false);
    expect(lane.takes(request('POST', '/healthz', json))).toBe(false);
    expect(lane.takes(request('POST', '/graphql', { 'content-type': 'text/plain' }))).toBe(false);
    expect(
      lane.takes(
        request('POST', '/graphql', { 'content-type': 'application/json; charset=latin1' }),
      ),
    ).toBe(false);
    expect(lane.takes(request('POST', '/graphql', { ...json, 'content-encoding': 'gzip' }))).toBe(
      false,
    );
  });

  it('reads bodies as body-parser does in strict mode', () => {
    expect(parseJsonBody('')).toEqual({});
    expect(parseJsonBody(' \n{"query":"{ me { roles } }"}')).toEqual({ query: '{ me { roles } }' });
    expect(parseJsonBody('[{"query":"x"}]')).toEqual([{ query: 'x' }]);
    expect(() => parseJsonBody('"{ me }"')).toThrow('entity.parse.failed');
    expect(() => parseJsonBody('42')).toThrow('entity.parse.failed');
    expect(() => parseJsonBody('{"query": ')).toThrow('entity.parse.failed');
  });

  it('answers as Express does: the same data, security headers and request id', async () => {
    const body = JSON.stringify({ query: QUERY });
    const headers = { authorization: `Bearer ${token}`, 'x-request-id': 'lane-1' };
    const direct = await raw({ headers: { ...headers, 'content-type': 'application/json' } }, (r) =>
      r.end(body),
    );
    // A compressed body goes through Express and its body parser.
    const viaExpress = await raw(
      {
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-encoding': 'gzip',
          'x-request-id': 'express-1',
        },
      },
      (r) => r.end(gzipSync(body)),
    );
    expect(direct.status).toBe(200);
    expect(viaExpress.status).toBe(200);
    expect(JSON.parse(direct.body)).toEqual(JSON.parse(viaExpress.body));
    expect(JSON.parse(direct.body).data.employees.nodes).toHaveLength(3);
    expect(direct.headers['x-request-id']).toBe('lane-1');
    expect(viaExpress.headers['x-request-id']).toBe('express-1');
    for (const name of [
      'content-type',
      'content-security-policy',
      'x-content-type-options',
      'x-frame-options',
      'referrer-policy',
    ]) {
      expect(direct.headers[name], name).toBe(viaExpress.headers[name]);
    }
    expect(Number(direct.headers['content-length'])).toBe(Buffer.byteLength(direct.body));
  });

  it('refuses a streamed body past the limit, without reading the rest, and closes the connection', async () => {
    const res = await raw({ headers: { 'content-type': 'application/json' } }, (r) => {
      // No content-length: the lane counts the bytes as they come.
      r.write(`{"query": "{ me { roles } }", "pad": "`);
      r.write(' '.repeat(120 * 1024));
      r.end('"}');
    });
    expect(res.status).toBe(413);
    expect(JSON.parse(res.body).errors[0]).toMatchObject({
      message: expect.stringMatching(/at most 100 KB is allowed/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(res.headers.connection).toBe('close');
  });

  it('refuses JSON that is not an object or a list, and batches', async () => {
    const scalar = await raw({ headers: { 'content-type': 'application/json' } }, (r) =>
      r.end('"{ me { roles } }"'),
    );
    expect(scalar.status).toBe(400);
    expect(JSON.parse(scalar.body).errors[0].message).toBe('The request body is not valid JSON.');
    const batch = await raw({ headers: { 'content-type': 'application/json' } }, (r) =>
      r.end('[{"query": "{ __typename }"}]'),
    );
    expect(batch.status).toBe(400);
    expect(JSON.parse(batch.body).errors[0].message).toMatch(/Batched requests are not accepted/);
  });

  it('signs in with a session cookie through the lane (Express response methods work)', async () => {
    const res = await raw({ headers: { 'content-type': 'application/json' } }, (r) =>
      r.end(
        JSON.stringify({
          query:
            'mutation($nip: String!, $p: String!) { login(nip: $nip, password: $p) { token } }',
          variables: { nip: dir.logins.supervisor, p: dir.password },
        }),
      ),
    );
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body).data.login.token).toBeTruthy();
    expect(String(res.headers['set-cookie'])).toMatch(/HttpOnly/i);
  });
});
