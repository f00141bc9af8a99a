// Draws Accord's icon (two overlapping rings, one per partner, on a navy
// tile) and writes the PNGs electron-builder packages: build/icon.png (1024,
// converted to .icns/.ico at packaging) and build/icons/NxN.png (Linux).
//   node scripts/make-icons.mjs
// No image library: the shapes are distance functions sampled 4x4 per pixel,
// written as RGBA PNGs with node:zlib.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];

const NAVY = [0x1f, 0x3a, 0x5f];
const GOLD = [0xe8, 0xb9, 0x4a];
const WHITE = [0xff, 0xff, 0xff];

/** Coverage of each layer at a point in the unit square (0..1). */
function layers(x, y) {
  // Rounded-square tile with a small margin.
  const m = 0.06, r = 0.2;
  const qx = Math.max(Math.abs(x - 0.5) - (0.5 - m - r), 0);
  const qy = Math.max(Math.abs(y - 0.5) - (0.5 - m - r), 0);
  const tile = Math.hypot(qx, qy) <= r;
  const ring = (cx, cy) => Math.abs(Math.hypot(x - cx, y - cy) - 0.2) <= 0.055;
  const left = ring(0.38, 0.5);
  const right = ring(0.62, 0.5);
  // The right ring passes over the left one at the top crossing, under it at the bottom: interlocked.
  const rightOnTop = y < 0.5;
  if (!tile) return null;
  if (left && right) return rightOnTop ? GOLD : WHITE;
  if (right) return GOLD;
  if (left) return WHITE;
  return NAVY;
}

export function renderIcon(size) {
  const samples = 4;
  const pixels = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const colour = layers((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!colour) continue;
          r += colour[0]; g += colour[1]; b += colour[2]; a += 1;
        }
      }
      const offset = (py * size + px) * 4;
      if (a > 0) {
        pixels[offset] = Math.round(r / a);
        pixels[offset + 1] = Math.round(g / a);
        pixels[offset + 2] = Math.round(b / a);
      }
      pixels[offset + 3] = Math.round((255 * a) / (samples * samples));
    }
  }
  return encodePng(size, size, pixels);
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(bytes) {
  let c = 0xffffffff;
  for (const byte of bytes) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}
function encodePng(width, height, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8; // bit depth
  header[9] = 6; // RGBA
  const rows = Buffer.alloc(height * (width * 4 + 1));
  for (let y = 0; y < height; y++) rgba.copy(rows, y * (width * 4 + 1) + 1, y * width * 4, (y + 1) * width * 4);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  mkdirSync(join(root, 'build', 'icons'), { recursive: true });
  for (const size of ICON_SIZES) writeFileSync(join(root, 'build', 'icons', `${size}x${size}.png`), renderIcon(size));
  writeFileSync(join(root, 'build', 'icon.png'), renderIcon(1024));
  console.log(`wrote build/icon.png and build/icons/{${ICON_SIZES.join(',')}}`);
}
