import { createHash, randomBytes, scrypt, scryptSync, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import type { StoredPassphrase } from '../db/officers';

/**
 * Officers' passphrases and sessions, on the Node side.
 *
 * A passphrase is kept as scrypt(passphrase, salt): a fresh 16-byte salt per
 * officer (and per reset), the cost stored beside it so a later Accord can
 * raise it without locking anyone out. The passphrase itself is never stored.
 *
 * A session is a random 256-bit token held in memory by the app: the hosts
 * carry it (an HttpOnly cookie, the window's slot in the desktop shell, the
 * CLI's memory) and the gate resolves it on every call. Closing the app ends
 * every session.
 */

export interface PassphraseCost {
  N: number;
  r: number;
  p: number;
}

/** The same cost as the post key's seal (main/sync/keys.ts): about 32 MiB and a tenth of a second. */
export const OFFICER_SCRYPT: PassphraseCost = { N: 1 << 15, r: 8, p: 1 };
const KEY_BYTES = 32;
const maxmem = (cost: PassphraseCost) => 128 * cost.N * cost.r * 2;

function costText(cost: PassphraseCost): string {
  return `N=${cost.N},r=${cost.r},p=${cost.p}`;
}

/** The cost a stored hash was made with; refused when it is not one this code would make (a damaged row). */
function parseCost(text: string): PassphraseCost | null {
  const match = /^N=(\d+),r=(\d+),p=(\d+)$/.exec(text);
  if (!match) return null;
  const [N, r, p] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const powerOfTwo = N >= 2 && (N & (N - 1)) === 0;
  return powerOfTwo && N <= 1 << 20 && r >= 1 && r <= 32 && p >= 1 && p <= 16 ? { N, r, p } : null;
}

function derive(passphrase: string, salt: Buffer, cost: PassphraseCost): Promise<Buffer> {
  const options: ScryptOptions = { ...cost, maxmem: maxmem(cost) };
  return new Promise((resolve, reject) => scrypt(passphrase.normalize('NFC'), salt, KEY_BYTES, options, (error, key) => (error ? reject(error) : resolve(key))));
}

/** Off the main thread (libuv's pool), so the window stays responsive while it runs. */
export async function hashPassphrase(passphrase: string, cost: PassphraseCost = OFFICER_SCRYPT): Promise<StoredPassphrase> {
  const salt = randomBytes(16);
  return { salt, hash: await derive(passphrase, salt, cost), cost: costText(cost) };
}

/** The synchronous form, for test fixtures that make an officer with a cheap cost. */
export function hashPassphraseSync(passphrase: string, cost: PassphraseCost = OFFICER_SCRYPT): StoredPassphrase {
  const salt = randomBytes(16);
  return { salt, hash: scryptSync(passphrase.normalize('NFC'), salt, KEY_BYTES, { ...cost, maxmem: maxmem(cost) }), cost: costText(cost) };
}

/** Constant-time comparison of the derived key; false for a stored row this code cannot read. */
export async function checkPassphrase(passphrase: string, stored: StoredPassphrase): Promise<boolean> {
  const cost = parseCost(stored.cost);
  if (!cost || stored.hash.length !== KEY_BYTES) return false;
  const derived = await derive(passphrase, Buffer.from(stored.salt), cost);
  return timingSafeEqual(derived, Buffer.from(stored.hash));
}

export interface Session {
  officerId: string;
  /** Locked after the window's idle time: only unlocking or signing out is accepted. */
  locked: boolean;
}

/** Wrong passphrases allowed before each further attempt must wait. */
export const FREE_ATTEMPTS = 5;
const FIRST_WAIT_MS = 30_000;
const LONGEST_WAIT_MS = 15 * 60_000;

/**
 * Wrong passphrases, per officer, in the running app: after FREE_ATTEMPTS in a row, each further attempt
 * waits 30 s, then twice as long after every miss, up to 15 minutes. Held in memory, on purpose: it guards
 * a running desktop app or browser-mode host against guessing; someone at the CLI already holds the file.
 */
export class SignInAttempts {
  private readonly misses = new Map<string, { count: number; retryAtMs: number }>();

  /** The milliseconds to wait before `key` may try again (0: now). */
  waitFor(key: string, nowMs: number): number {
    return Math.max(0, (this.misses.get(key)?.retryAtMs ?? 0) - nowMs);
  }

  failed(key: string, nowMs: number): void {
    const count = (this.misses.get(key)?.count ?? 0) + 1;
    const waitMs = count < FREE_ATTEMPTS ? 0 : Math.min(LONGEST_WAIT_MS, FIRST_WAIT_MS * 2 ** (count - FREE_ATTEMPTS));
    this.misses.set(key, { count, retryAtMs: nowMs + waitMs });
  }

  succeeded(key: string): void {
    this.misses.delete(key);
  }
}

/** The sessions of one running app, keyed by the SHA-256 of their token (the token itself is kept nowhere). */
export class Sessions {
  private readonly byDigest = new Map<string, Session>();
  /** Wrong-passphrase counts of this app's sign-ins and unlocks. */
  readonly attempts = new SignInAttempts();

  open(officerId: string): { token: string; session: Session } {
    const token = randomBytes(32).toString('hex');
    const session: Session = { officerId, locked: false };
    this.byDigest.set(digest(token), session);
    return { token, session };
  }

  get(token: string | null | undefined): Session | undefined {
    return typeof token === 'string' && token.length > 0 && token.length <= 200 ? this.byDigest.get(digest(token)) : undefined;
  }

  /** Whether a call carrying this token reaches the app as a signed-in officer (the event stream asks). */
  isActive(token: string | null | undefined): boolean {
    const session = this.get(token);
    return session !== undefined && !session.locked;
  }

  end(token: string | null | undefined): void {
    if (typeof token === 'string') this.byDigest.delete(digest(token));
  }

  /** Ends every session of an officer but `keep` (a passphrase reset signs the officer out elsewhere). */
  endAllOf(officerId: string, keep?: Session): void {
    for (const [key, session] of this.byDigest) if (session.officerId === officerId && session !== keep) this.byDigest.delete(key);
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}
