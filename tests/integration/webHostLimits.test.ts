import { connect, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccordApp } from '../../main/app';
import { startWebHost, type WebHost } from '../../main/web/server';
import { openTestApp, tempDirectory } from '../helpers';

/** The loopback host against real sockets on 127.0.0.1: malformed paths, slow clients, idle and too many connections. */
const dir = tempDirectory();
let app: AccordApp;
let host: WebHost;

beforeAll(async () => {
  app = openTestApp(join(dir.path, 'accord.sqlite'));
  host = await startWebHost({ call: app.call, staticDir: join(__dirname, '..', '..', 'dist', 'renderer'), limits: { headersMs: 400, requestMs: 800, keepAliveMs: 300, maxConnections: 4 } });
});
afterAll(async () => {
  await host.close();
  app.close();
  dir.remove();
});

function open(): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(host.port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

/** Everything the server sends until it closes the connection. */
function untilClosed(socket: Socket): Promise<string> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => chunks.push(chunk));
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')));
  });
}

describe('loopback host limits', () => {
  it('a malformed path is a 400, not a 500', async () => {
    for (const path of ['/api/%', '/api/%E0%A4%A', '/%']) {
      const socket = await open();
      const reply = untilClosed(socket);
      socket.end(`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${host.token}\r\nContent-Type: application/json\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`);
      expect((await reply).split('\r\n')[0]).toBe('HTTP/1.1 400 Bad Request');
    }
  });

  it('headers that do not arrive in time close the connection', async () => {
    const socket = await open();
    const reply = untilClosed(socket);
    socket.write(`GET / HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n`);
    expect(await reply).toMatch(/^(HTTP\/1\.1 408|$)/);
  });

  it('a body that does not arrive in time closes the connection', async () => {
    const socket = await open();
    const reply = untilClosed(socket);
    socket.write(`POST /api/records.list HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\nAuthorization: Bearer ${host.token}\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{`);
    expect(await reply).toMatch(/^(HTTP\/1\.1 408|$)/);
  });

  it('an idle keep-alive connection is closed after its answer', async () => {
    const socket = await open();
    const reply = untilClosed(socket);
    socket.write(`GET /api/x HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n\r\n`);
    expect(await reply).toContain('HTTP/1.1 405');
  });

  it('connections past the cap are refused while the others stay open', async () => {
    const held = await Promise.all([open(), open(), open(), open()]);
    const extra = await open();
    await untilClosed(extra);
    for (const socket of held) socket.destroy();
  });
});
