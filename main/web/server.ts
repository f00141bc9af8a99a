import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BYTES_FIELD } from '../../shared/api/types';
import { API_PATH, EVENTS_PATH, requestCap, type AppEvent } from '../../shared/contract';
import { message, type Message } from '../../shared/i18n/message';
import { AppError, type ErrorCode, type Result } from '../../shared/result';
import { takeSessionToken } from '../app';
import { CONTENT_SECURITY_POLICY, resolveStaticFile } from '../staticFiles';

type Subscribe = (listener: (event: AppEvent) => void) => () => void;

export interface WebHostOptions {
  /** Carries one API call; the host never looks inside it. The app's carrier also offers `subscribe` (main/app.ts). */
  call: ((method: string, input: unknown, sessionToken?: string | null) => Promise<Result<unknown>>) & { subscribe?: Subscribe };
  /**
   * Whether a session token belongs to a signed-in officer (main/officers.ts Sessions.isActive): the event
   * stream opens only for one. Every API call carries the session cookie to the gate, which checks it itself.
   */
  sessionActive?: (token: string | null) => boolean;
  /** What long work pushes (defaults to the carrier's own `subscribe`): streamed to the page as Server-Sent Events. */
  events?: Subscribe;
  /** The built renderer. */
  staticDir: string;
  /** 0 (the default) picks a free port. */
  port?: number;
  /** Fixed token for tests; a fresh random 256-bit token otherwise. */
  token?: string;
  /** Overrides every method's body cap (tests); otherwise each method's own (shared/contract.ts requestCap). */
  maxBodyBytes?: number;
  /** Overrides the connection limits (tests); otherwise CONNECTION_LIMITS. */
  limits?: Partial<typeof CONNECTION_LIMITS>;
}

/**
 * What a connection may take: headers within 10 s, the whole request (body included) within 2 minutes, an idle
 * keep-alive connection closed after 5 s, at most 64 open at once (a page holds a handful).
 */
export const CONNECTION_LIMITS = { headersMs: 10_000, requestMs: 120_000, keepAliveMs: 5_000, maxConnections: 64 };

/** The header that carries a byte-carrying call's other fields (URI-encoded JSON) beside its octet-stream body. */
export const FIELDS_HEADER = 'accord-fields';

export interface WebHost {
  server: Server;
  port: number;
  token: string;
  /** The address to open, carrying the token. */
  url: string;
  close(): Promise<void>;
}

export const LOOPBACK_ADDRESS = '127.0.0.1';

/**
 * The loopback host: the same app in a browser where no Electron runtime
 * exists. It binds 127.0.0.1 only, checks Host and Origin on every request (a
 * DNS-rebinding page would send its own), and requires the token on every API
 * call, compared in constant time.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('hex');
  const tokenDigest = sha256(token);
  const subscribe = options.events ?? options.call.subscribe;
  const streams = new Set<ServerResponse>();
  let port = options.port ?? 0;

  const limits = { ...CONNECTION_LIMITS, ...options.limits };
  const server = createServer({
    headersTimeout: limits.headersMs,
    requestTimeout: limits.requestMs,
    keepAliveTimeout: limits.keepAliveMs,
    // How often Node checks the two timeouts above: often enough that they hold near their stated values.
    connectionsCheckingInterval: Math.min(1_000, limits.headersMs),
  }, (request, response) => {
    handleRequest(request, response).catch((error: unknown) => {
      console.error('[accord] web host error', error);
      if (!response.headersSent) sendError(response, 500, 'INTERNAL', message('error.internal'));
      else response.destroy();
    });
  });

  async function handleRequest(request: IncomingMessage, response: ServerResponse): Promise<void> {
    setCommonHeaders(response);
    if (!isAllowedHost(request.headers.host, port)) {
      return sendError(response, 403, 'FORBIDDEN', message('error.web.host'));
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !isAllowedOrigin(origin, port)) {
      return sendError(response, 403, 'FORBIDDEN', message('error.web.origin', { origin: origin.slice(0, 100) }));
    }
    const url = new URL(request.url ?? '/', `http://${LOOPBACK_ADDRESS}`);
    if (!decodesAsUri(url.pathname)) return sendError(response, 400, 'VALIDATION', message('error.web.badPath'));
    if (url.pathname.startsWith(`${API_PATH}/`)) return handleApi(request, response, url.pathname.slice(API_PATH.length + 1));
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return sendError(response, 405, 'FORBIDDEN', message('error.web.getOnly'));
    }
    const file = resolveStaticFile(options.staticDir, url.pathname);
    if (!file) return sendError(response, 404, 'NOT_FOUND', message('error.web.notFound'));
    response.writeHead(200, { 'Content-Type': file.contentType, 'Content-Security-Policy': CONTENT_SECURITY_POLICY });
    response.end(request.method === 'HEAD' ? undefined : readFileSync(file.filePath));
  }

  async function handleApi(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    const events = `/${method}` === EVENTS_PATH;
    if (request.method !== (events ? 'GET' : 'POST')) return sendError(response, 405, 'FORBIDDEN', message(events ? 'error.web.eventsGet' : 'error.web.apiPost'));
    if (!hasValidToken(request.headers.authorization, tokenDigest)) {
      return sendError(response, 401, 'UNAUTHORIZED', message('error.web.token'));
    }
    const session = sessionCookie(request.headers.cookie, port);
    if (events) {
      if (options.sessionActive && !options.sessionActive(session)) return sendError(response, 401, 'UNAUTHORIZED', message('officers.signInNeeded'));
      return streamEvents(response);
    }
    const contentType = request.headers['content-type'] ?? '';
    const carriesBytes = contentType.startsWith('application/octet-stream');
    if (!carriesBytes && !contentType.startsWith('application/json')) {
      return sendError(response, 415, 'VALIDATION', message('error.web.contentType'));
    }
    const name = decodeURIComponent(method);
    const limit = options.maxBodyBytes ?? requestCap(name);
    const body = await readBody(request, limit);
    if (body === 'too-large') {
      return sendError(response, 413, 'PAYLOAD_TOO_LARGE', message('error.web.tooLarge', { limit: String(limit) }), true);
    }
    let input: unknown;
    try {
      if (carriesBytes) input = { ...fieldsOf(request.headers[FIELDS_HEADER]), [BYTES_FIELD]: new Uint8Array(body.buffer, body.byteOffset, body.byteLength) };
      else input = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
    } catch {
      return sendError(response, 400, 'VALIDATION', message('error.web.badJson'));
    }
    const result = await options.call(name, input, session ?? undefined);
    // A sign-in's token becomes an HttpOnly cookie (the page's script never holds it); a sign-out clears it.
    const opened = takeSessionToken(result);
    if (opened !== undefined) response.setHeader('Set-Cookie', sessionCookieHeader(port, opened));
    sendResult(response, result);
  }

  /** Server-Sent Events: each pushed event as one `data:` line, until the page goes away. */
  function streamEvents(response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    streams.add(response);
    const stop = subscribe ? subscribe((event) => response.write(`data: ${JSON.stringify(event)}\n\n`)) : () => undefined;
    response.on('close', () => {
      stop();
      streams.delete(response);
    });
  }

  server.maxConnections = limits.maxConnections;
  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, LOOPBACK_ADDRESS, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  port = (server.address() as AddressInfo).port;
  return {
    server,
    port,
    token,
    url: `http://${LOOPBACK_ADDRESS}:${port}/?token=${token}`,
    close: () =>
      new Promise((resolvePromise) => {
        for (const stream of streams) stream.end();
        server.close(() => resolvePromise());
        server.closeIdleConnections();
      }),
  };
}

/** Named by port: cookies are shared by every port of 127.0.0.1, and two Accords may run side by side. */
const cookieName = (port: number) => `accord_session_${port}`;

function sessionCookie(header: string | undefined, port: number): string | null {
  const name = cookieName(port);
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=') || null;
  }
  return null;
}

function sessionCookieHeader(port: number, token: string | null): string {
  const attributes = 'Path=/; HttpOnly; SameSite=Strict';
  return token === null ? `${cookieName(port)}=; ${attributes}; Max-Age=0` : `${cookieName(port)}=${token}; ${attributes}`;
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text).digest();
}

/** Constant-time: both sides are hashed to equal length before comparing. */
function hasValidToken(header: string | undefined, expectedDigest: Buffer): boolean {
  const match = /^Bearer ([^\s]+)$/.exec(header ?? '');
  return match !== null && timingSafeEqual(sha256(match[1]!), expectedDigest);
}

function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `${LOOPBACK_ADDRESS}:${port}` || host === `localhost:${port}`;
}

function isAllowedOrigin(origin: string, port: number): boolean {
  return origin === `http://${LOOPBACK_ADDRESS}:${port}` || origin === `http://localhost:${port}`;
}

/** Reads at most `limit` bytes; refuses early on a declared or actual overrun. */
function readBody(request: IncomingMessage, limit: number): Promise<Buffer | 'too-large'> {
  const declared = Number(request.headers['content-length'] ?? 0);
  if (declared > limit) return Promise.resolve('too-large');
  return new Promise((resolvePromise, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    request.on('data', (chunk: Buffer) => {
      if (settled) return;
      size += chunk.length;
      if (size > limit) {
        settled = true;
        resolvePromise('too-large');
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      if (!settled) resolvePromise(Buffer.concat(chunks));
    });
    request.on('error', reject);
  });
}

function decodesAsUri(path: string): boolean {
  try {
    decodeURIComponent(path);
    return true;
  } catch {
    return false;
  }
}

function setCommonHeaders(response: ServerResponse): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
}

/** Fields other than the bytes, as the client sent them beside an octet-stream body. */
function fieldsOf(header: string | string[] | undefined): Record<string, unknown> {
  if (typeof header !== 'string' || header === '') return {};
  const parsed: unknown = JSON.parse(decodeURIComponent(header));
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error('fields');
  return parsed as Record<string, unknown>;
}

/**
 * A value that carries bytes goes back as an application/octet-stream body
 * (its other fields in the fields header); every other envelope as JSON.
 */
function sendResult(response: ServerResponse, result: Result<unknown>): void {
  const value = result.ok ? (result.value as Record<string, unknown> | null) : null;
  const bytes = value && typeof value === 'object' ? value[BYTES_FIELD] : undefined;
  if (!(bytes instanceof Uint8Array)) return sendJson(response, 200, result);
  const { [BYTES_FIELD]: _bytes, ...fields } = value!;
  response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': bytes.byteLength, [FIELDS_HEADER]: encodeURIComponent(JSON.stringify(fields)) });
  response.end(bytes);
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

/** A refusal the host makes itself, before the gate: the same envelope the gate returns, as a catalog message. */
function sendError(response: ServerResponse, status: number, code: ErrorCode, what: Message, closeConnection = false): void {
  if (closeConnection) response.setHeader('Connection', 'close');
  sendJson(response, status, { ok: false, error: new AppError(code, what).toShape() });
}
