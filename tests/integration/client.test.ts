import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccordApp } from '../../main/app';
import { startWebHost, type WebHost } from '../../main/web/server';
import { createClient, httpTransport, ipcTransport } from '../../renderer/src/api/client';
import { openTestApp, tempDirectory } from '../helpers';

/** The renderer's typed client gives the same answers over HTTP and over the IPC bridge. */
const dir = tempDirectory();
let app: AccordApp;
let host: WebHost;

beforeAll(async () => {
  app = openTestApp(join(dir.path, 'accord.sqlite'));
  host = await startWebHost({ call: app.call, staticDir: join(dir.path, 'no-pages') });
});
afterAll(async () => {
  await host.close();
  app.close();
  dir.remove();
});

const origin = () => `http://127.0.0.1:${host.port}`;
const fetchFromPage: typeof fetch = (input, init) => fetch(new URL(String(input), origin()), init);

describe('renderer API client', () => {
  it.each([
    ['HTTP with the token', () => httpTransport(host.token, fetchFromPage)],
    ['the Electron bridge', () => ipcTransport({ invoke: (method, input) => app.call(method, input) })],
  ])('over %s: values, typed errors and field issues arrive intact', async (_name, transport) => {
    const client = createClient(transport());
    const created = await client.call('records.create', { type: 'partners', values: { name: `Oman ${Math.random()}` } });
    expect(created.ok).toBe(true);
    const invalid = await client.call('records.create', { type: 'mouDrafts', values: { title: '', partnerId: '', sector: 'police', status: 'draft', parties: [], summary: '' } });
    expect(invalid).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', details: { issues: expect.arrayContaining([expect.objectContaining({ path: ['values', 'title'], key: 'validation.required' })]) } },
    });
  });

  it('turns a transport failure into an error envelope instead of throwing', async () => {
    const client = createClient(httpTransport('wrong-token', fetchFromPage));
    expect(await client.call('records.list', { type: 'partners' })).toMatchObject({ ok: false, error: { code: 'UNAUTHORIZED' } });
    const unreachable = createClient(() => Promise.reject(new Error('socket hang up')));
    expect(await unreachable.call('records.list', { type: 'partners' })).toMatchObject({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('socket hang up') } });
  });
});
