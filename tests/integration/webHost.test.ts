import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccordApp } from '../../main/app';
import { startWebHost, type WebHost } from '../../main/web/server';
import { join } from 'node:path';
import { openTestApp, snapshotDatabase, tempDirectory } from '../helpers';

const dir = tempDirectory();
let app: AccordApp;
let host: WebHost;
const MAX = 4096;

beforeAll(async () => {
  app = openTestApp(join(dir.path, 'accord.sqlite'));
  host = await startWebHost({ call: app.call, staticDir: join(__dirname, '..', '..', 'dist', 'renderer'), maxBodyBytes: MAX });
});
afterAll(async () => {
  await host.close();
  app.close();
  dir.remove();
});

interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A raw HTTP request, so tests can send the headers a browser never would. */
function send(options: { method?: string; path: string; headers?: Record<string, string>; body?: string | Buffer }): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: host.port, method: options.method ?? 'GET', path: options.path, headers: options.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (options.body !== undefined) req.write(options.body);
    req.end();
  });
}

const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
  send({
    method: 'POST',
    path: `/api/${method}`,
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

describe('loopback web host', () => {
  it('listens on 127.0.0.1 only, with a 256-bit token in the printed address', () => {
    expect(host.server.address()).toMatchObject({ address: '127.0.0.1' });
    expect(host.token).toMatch(/^[0-9a-f]{64}$/);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
  });

  it('serves the app with a strict Content-Security-Policy', async () => {
    const page = await send({ path: '/' });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<div id="root">');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
    expect(page.headers['content-security-policy']).not.toContain('unsafe-inline');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers a valid call', async () => {
    const response = await api('records.create', { type: 'partners', values: { name: 'Tunisia' } });
    expect(response.status).toBe(200);
    expect(JSON.parse(response.body)).toMatchObject({ ok: true, value: { name: 'Tunisia' } });
  });

  it('never serves files outside the app folder', async () => {
    for (const path of ['/../package.json', '/..%2f..%2fpackage.json', '/assets/..%2f..%2f..%2fpackage.json', '/%00index.html']) {
      const response = await send({ path });
      expect(response.body).not.toContain('"allowScripts"');
    }
  });

  const refused: [string, () => Promise<RawResponse>, number, string][] = [
    ['no token', () => api('records.create', { type: 'partners', values: { name: 'No token' } }, { Authorization: '' }), 401, 'UNAUTHORIZED'],
    ['a wrong token', () => api('records.create', { type: 'partners', values: { name: 'Wrong token' } }, { Authorization: `Bearer ${'0'.repeat(64)}` }), 401, 'UNAUTHORIZED'],
    ['a token of another length', () => api('records.create', { type: 'partners', values: { name: 'Short token' } }, { Authorization: 'Bearer abc' }), 401, 'UNAUTHORIZED'],
    ['a foreign Host (DNS rebinding)', () => api('records.create', { type: 'partners', values: { name: 'Rebound' } }, { Host: `attacker.example:${host.port}` }), 403, 'FORBIDDEN'],
    ['a foreign Origin', () => api('records.create', { type: 'partners', values: { name: 'Cross origin' } }, { Origin: 'http://attacker.example' }), 403, 'FORBIDDEN'],
    ['an Origin on another port', () => api('records.create', { type: 'partners', values: { name: 'Other port' } }, { Origin: 'http://127.0.0.1:1' }), 403, 'FORBIDDEN'],
    ['a body over the limit', () => api('records.create', { type: 'partners', values: { name: 'Big', notes: 'x'.repeat(MAX) } }), 413, 'PAYLOAD_TOO_LARGE'],
    ['a body that is not JSON', () => api('records.create', '{"type": "partners", "values": {"name": "Broken'), 400, 'VALIDATION'],
    ['a body failing the schema', () => api('records.create', { type: 'partners', values: { name: 42 } }), 200, 'VALIDATION'],
    ['a form post (not JSON)', () => api('records.create', 'type=partners&name=Form', { 'Content-Type': 'application/x-www-form-urlencoded' }), 415, 'VALIDATION'],
    ['GET on the API', () => send({ path: '/api/records.list', headers: { Authorization: `Bearer ${host.token}` } }), 405, 'FORBIDDEN'],
    ['an unknown method', () => api('partners.truncate', {}), 200, 'UNKNOWN_METHOD'],
  ];

  it.each(refused)('refuses %s with a typed error and changes nothing', async (_name, call, status, code) => {
    const before = snapshotDatabase(app);
    const response = await call();
    expect(response.status).toBe(status);
    expect(JSON.parse(response.body)).toMatchObject({ ok: false, error: { code } });
    expect(snapshotDatabase(app)).toBe(before);
  });

  it('refuses a streamed body that grows past the limit without a Content-Length', async () => {
    const before = snapshotDatabase(app);
    const response = await new Promise<RawResponse>((resolve, reject) => {
      const req = request(
        { host: '127.0.0.1', port: host.port, method: 'POST', path: '/api/records.create', headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${host.token}`, 'Transfer-Encoding': 'chunked' } },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString() }));
        },
      );
      req.on('error', reject);
      req.write('{"type":"partners","values":{"name":"');
      req.write('y'.repeat(MAX * 2));
      req.end('"}}');
    });
    expect(response.status).toBe(413);
    expect(snapshotDatabase(app)).toBe(before);
  });
});
