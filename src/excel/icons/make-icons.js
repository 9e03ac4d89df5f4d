// Writes assets/icon-{16,32,64,80}.png: a white check mark on a green rounded square, drawn with no dependencies (zlib + CRC only).
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

const CRC_TABLE = new Uint32Array(256).map((_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(buf) {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

/** Distance from point p to segment ab. */
function segDist(px, py, ax, ay, bx, by) {
  const dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - ax - t * dx, py - ay - t * dy);
}

/** RGBA pixels of the icon at size n, 4×4 supersampled so small sizes stay crisp. */
function draw(n) {
  const px = Buffer.alloc(n * n * 4);
  const r = n * 0.18; // corner radius
  const stroke = n * 0.11;
  const s = 4;
  for (let y = 0; y < n; y++) {
    for (let x = 0; x < n; x++) {
      let inBox = 0, inTick = 0;
      for (let sy = 0; sy < s; sy++) for (let sx = 0; sx < s; sx++) {
        const fx = x + (sx + 0.5) / s, fy = y + (sy + 0.5) / s;
        const cx = Math.min(Math.max(fx, r), n - r), cy = Math.min(Math.max(fy, r), n - r);
        if (Math.hypot(fx - cx, fy - cy) <= r) inBox++;
        const d = Math.min(segDist(fx, fy, n * 0.24, n * 0.52, n * 0.43, n * 0.71), segDist(fx, fy, n * 0.43, n * 0.71, n * 0.78, n * 0.31));
        if (d <= stroke / 2) inTick++;
      }
      const a = inBox / (s * s), t = inTick / (s * s);
      const i = (y * n + x) * 4;
      // green #107C41 (Excel's green) blended towards white by the tick coverage
      px[i] = Math.round(0x10 + (255 - 0x10) * t);
      px[i + 1] = Math.round(0x7c + (255 - 0x7c) * t);
      px[i + 2] = Math.round(0x41 + (255 - 0x41) * t);
      px[i + 3] = Math.round(255 * a);
    }
  }
  return px;
}

function png(n) {
  const px = draw(n);
  const raw = Buffer.alloc((n * 4 + 1) * n);
  for (let y = 0; y < n; y++) {
    raw[y * (n * 4 + 1)] = 0; // filter: none
    px.copy(raw, y * (n * 4 + 1) + 1, y * n * 4, (y + 1) * n * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(n, 0);
  ihdr.writeUInt32BE(n, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

const SIZES = [16, 32, 64, 80];
module.exports = { png, SIZES };

if (require.main === module) {
  const out = path.resolve(__dirname, '../../../assets');
  fs.mkdirSync(out, { recursive: true });
  for (const n of SIZES) fs.writeFileSync(path.join(out, `icon-${n}.png`), png(n));
  console.log(`wrote ${SIZES.map((n) => `icon-${n}.png`).join(', ')} to ${out}`);
}
