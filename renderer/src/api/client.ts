import { BYTES_FIELD } from '../../../shared/api/types';
import { API_PATH, EVENTS_PATH, type AppEvent, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/contract';
import { message } from '../../../shared/i18n/message';
import { AppError, type Result } from '../../../shared/result';

type Listener = (event: AppEvent) => void;

/** Carries one call to the main side and returns its envelope; `subscribe`, where offered, hears pushed events. */
export type Transport = ((method: MethodName, input: unknown) => Promise<Result<unknown>>) & { subscribe?: (listener: Listener) => () => void };

declare global {
  interface Window {
    /** Present only inside the Electron window (see main/electron/preload.ts). */
    accord?: { invoke(method: string, input: unknown): Promise<unknown>; onEvent?(listener: (event: unknown) => void): () => void };
  }
}

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
  /** Hears what long work pushes (a job's progress); returns the function that stops listening. */
  onEvent(listener: Listener): () => void;
}

export function createClient(transport: Transport): ApiClient {
  return {
    call: async (method, input) => {
      try {
        return (await transport(method, input)) as Result<never>;
      } catch (error) {
        return { ok: false, error: new AppError('INTERNAL', message('error.unreachable', { detail: error instanceof Error ? error.message : String(error) })).toShape() };
      }
    },
    onEvent: (listener) => transport.subscribe?.(listener) ?? (() => undefined),
  };
}

/** The Electron bridge: calls by invoke, events by onEvent; bytes cross as Uint8Array. */
export function ipcTransport(bridge: NonNullable<Window['accord']>): Transport {
  const transport = (method: MethodName, input: unknown) => bridge.invoke(method, input) as Promise<Result<unknown>>;
  return Object.assign(transport, { subscribe: bridge.onEvent ? (listener: Listener) => bridge.onEvent!((event) => listener(event as AppEvent)) : undefined });
}

function bytesOf(input: unknown): Uint8Array | undefined {
  const bytes = input && typeof input === 'object' ? (input as Record<string, unknown>)[BYTES_FIELD] : undefined;
  return bytes instanceof Uint8Array ? bytes : undefined;
}

const FIELDS_HEADER = 'accord-fields';

/**
 * The loopback web host: POST /api/<method> with the token the address carried.
 * A call that carries a file sends it as an application/octet-stream body (its
 * other fields in a header); a file coming back arrives the same way.
 */
export function httpTransport(token: string, fetchImpl: typeof fetch = fetch): Transport {
  const authorization = `Bearer ${token}`;
  const transport = async (method: MethodName, input: unknown): Promise<Result<unknown>> => {
    const bytes = bytesOf(input);
    let request: RequestInit;
    if (bytes) {
      const { [BYTES_FIELD]: _bytes, ...fields } = input as Record<string, unknown>;
      request = { method: 'POST', headers: { 'Content-Type': 'application/octet-stream', Authorization: authorization, [FIELDS_HEADER]: encodeURIComponent(JSON.stringify(fields)) }, body: bytes as BodyInit };
    } else {
      request = { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: authorization }, body: JSON.stringify(input ?? {}) };
    }
    const response = await fetchImpl(`${API_PATH}/${encodeURIComponent(method)}`, request);
    if ((response.headers.get('content-type') ?? '').startsWith('application/octet-stream')) {
      const fields = JSON.parse(decodeURIComponent(response.headers.get(FIELDS_HEADER) ?? '%7B%7D')) as Record<string, unknown>;
      return { ok: true, value: { ...fields, [BYTES_FIELD]: new Uint8Array(await response.arrayBuffer()) } };
    }
    return (await response.json()) as Result<unknown>;
  };
  return Object.assign(transport, { subscribe: eventStream(authorization, fetchImpl) });
}

/**
 * The host's Server-Sent-Events stream, read with fetch (so it carries the
 * token like every call), opened on the first listener and shared by all.
 */
function eventStream(authorization: string, fetchImpl: typeof fetch): (listener: Listener) => () => void {
  const listeners = new Set<Listener>();
  let controller: AbortController | undefined;
  const open = async (signal: AbortSignal) => {
    const response = await fetchImpl(`${API_PATH}${EVENTS_PATH}`, { headers: { Authorization: authorization, Accept: 'text/event-stream' }, signal });
    if (!response.ok || !response.body) return;
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) return;
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const data = frame
          .split('\n')
          .filter((line) => line.startsWith('data: '))
          .map((line) => line.slice(6))
          .join('\n');
        if (data) for (const listener of [...listeners]) listener(JSON.parse(data) as AppEvent);
      }
    }
  };
  return (listener) => {
    listeners.add(listener);
    if (!controller) {
      const current = new AbortController();
      controller = current;
      open(current.signal).catch(() => undefined).finally(() => {
        if (controller === current) controller = undefined;
      });
    }
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) {
        controller?.abort();
        controller = undefined;
      }
    };
  };
}

const TOKEN_KEY = 'accord.token';

/**
 * The desktop bridge when there is one; otherwise the web host, with the token
 * taken from the address once and then kept out of the address bar and history.
 */
export function defaultTransport(): Transport {
  if (window.accord) return ipcTransport(window.accord);
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
  }
  return httpTransport(fromUrl ?? sessionStorage.getItem(TOKEN_KEY) ?? '');
}
