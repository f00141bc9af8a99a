/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Time-ordered
 * keys keep SQLite's b-tree inserts local, and being random they never collide
 * between posts, unlike autoincrement ids.
 */

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

// One call to the system's random source per 256 ids, not one per id: an import writes an id per record it touches.
const POOL_IDS = 256;
const pool = new Uint8Array(16 * POOL_IDS);
let poolOffset = pool.length;

function fillFromPool(bytes: Uint8Array): void {
  if (poolOffset + bytes.length > pool.length) {
    globalThis.crypto.getRandomValues(pool);
    poolOffset = 0;
  }
  bytes.set(pool.subarray(poolOffset, poolOffset + bytes.length));
  pool.fill(0, poolOffset, poolOffset + bytes.length); // a drawn byte is never handed out twice
  poolOffset += bytes.length;
}

export function uuidv7(now: number = Date.now(), fillRandom: (bytes: Uint8Array) => void = fillFromPool): string {
  const bytes = new Uint8Array(16);
  // A seeded source (accord seed --seed N) gives the same ids on every run.
  fillRandom(bytes);
  let ms = Math.max(0, Math.floor(now));
  for (let i = 5; i >= 0; i--) {
    bytes[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  bytes[6] = (bytes[6]! & 0x0f) | 0x70; // version 7
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const h = (i: number) => HEX[bytes[i]!]!;
  return `${h(0)}${h(1)}${h(2)}${h(3)}-${h(4)}${h(5)}-${h(6)}${h(7)}-${h(8)}${h(9)}-${h(10)}${h(11)}${h(12)}${h(13)}${h(14)}${h(15)}`;
}

export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
