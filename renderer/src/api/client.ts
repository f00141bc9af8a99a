import { API_PATH, type MethodInput, type MethodName, type MethodOutput } from '../../../shared/contract';
import type { Result } from '../../../shared/result';

/** Carries one call to the main side and returns its envelope. */
export type Transport = (method: MethodName, input: unknown) => Promise<Result<unknown>>;

declare global {
  interface Window {
    /** Present only inside the Electron window (see main/electron/preload.ts). */
    accord?: { invoke(method: string, input: unknown): Promise<unknown> };
  }
}

export interface ApiClient {
  call<M extends MethodName>(method: M, input: MethodInput<M>): Promise<Result<MethodOutput<M>>>;
}

export function createClient(transport: Transport): ApiClient {
  return {
    call: async (method, input) => {
      try {
        return (await transport(method, input)) as Result<never>;
      } catch (error) {
        return { ok: false, error: { code: 'INTERNAL', message: `Accord could not reach its data: ${error instanceof Error ? error.message : String(error)}` } };
      }
    },
  };
}

export function ipcTransport(bridge: NonNullable<Window['accord']>): Transport {
  return (method, input) => bridge.invoke(method, input) as Promise<Result<unknown>>;
}

/** The loopback web host: POST /api/<method> with the token the address carried. */
export function httpTransport(token: string, fetchImpl: typeof fetch = fetch): Transport {
  return async (method, input) => {
    const response = await fetchImpl(`${API_PATH}/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify(input ?? {}),
    });
    return (await response.json()) as Result<unknown>;
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
