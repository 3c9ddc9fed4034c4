// Draws the Factmark icon — a deep-teal rounded square with a white check mark — and writes it as
// PNG at 16, 32, 48 and 128 px into extension/icons/. Pure Node: RGBA pixels, zlib deflate and a
// CRC32 for the PNG chunks. Shapes are drawn with signed distance functions and 4x4 supersampling,
// so edges are anti-aliased at every size.
// Usage: node scripts/make-icons.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync } from 'node:zlib';

const outDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'extension', 'icons');
const SIZES = [16, 32, 48, 128];

const TEAL = [0x0b, 0x5e, 0x61]; // deep teal
const WHITE = [0xff, 0xff, 0xff];

// --- PNG encoding -------------------------------------------------------------------------------

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** @param {number} size @param {Uint8Array} rgba size*size*4 bytes */
function encodePng(size, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type RGBA
  ihdr[10] = 0; // compression
  ihdr[11] = 0; // filter
  ihdr[12] = 0; // no interlace
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * size * 4, size * 4).copy(raw, y * (size * 4 + 1) + 1);
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

// --- Drawing (coordinates in a unit square, 0..1) -----------------------------------------------

/** Signed distance to a rounded square centred at 0.5 with half-size h and corner radius r. */
function roundedSquare(x, y, h, r) {
  const qx = Math.abs(x - 0.5) - (h - r);
  const qy = Math.abs(y - 0.5) - (h - r);
  const outside = Math.hypot(Math.max(qx, 0), Math.max(qy, 0));
  return outside + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance from point p to segment a–b. */
function segment(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

// Check mark: short stroke down-right, long stroke up-right.
const CHECK = [
  [0.27, 0.52],
  [0.43, 0.68],
  [0.74, 0.34],
];

/** Colour of one sample point: [r, g, b, a] with a in 0..1. */
function sample(x, y, size) {
  // Keep a 1px margin on small sizes so the square reads as a square, not a blob.
  const half = 0.5 - Math.max(0.5 / size, 0.02);
  if (roundedSquare(x, y, half, 0.2) > 0) return [0, 0, 0, 0];
  // Thicker strokes on tiny icons so the check survives downsampling.
  const stroke = size <= 16 ? 0.085 : size <= 32 ? 0.07 : 0.06;
  const d = Math.min(
    segment(x, y, CHECK[0][0], CHECK[0][1], CHECK[1][0], CHECK[1][1]),
    segment(x, y, CHECK[1][0], CHECK[1][1], CHECK[2][0], CHECK[2][1]),
  );
  return d <= stroke ? [...WHITE, 1] : [...TEAL, 1];
}

function draw(size) {
  const SS = 4; // supersampling per axis
  const rgba = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let a = 0;
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const [cr, cg, cb, ca] = sample((px + (sx + 0.5) / SS) / size, (py + (sy + 0.5) / SS) / size, size);
          r += cr * ca;
          g += cg * ca;
          b += cb * ca;
          a += ca;
        }
      }
      const i = (py * size + px) * 4;
      // Un-premultiply the averaged colour.
      rgba[i] = a ? Math.round(r / a) : 0;
      rgba[i + 1] = a ? Math.round(g / a) : 0;
      rgba[i + 2] = a ? Math.round(b / a) : 0;
      rgba[i + 3] = Math.round((a / (SS * SS)) * 255);
    }
  }
  return rgba;
}

mkdirSync(outDir, { recursive: true });
for (const size of SIZES) {
  const file = join(outDir, `icon-${size}.png`);
  const png = encodePng(size, draw(size));
  writeFileSync(file, png);
  console.log(`${file}  ${png.length} bytes`);
}
