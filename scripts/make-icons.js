#!/usr/bin/env node
/*
 * Generates the add-in icons in assets/ without any dependency: the pixels are
 * drawn in memory and written as RGBA PNG files with Node's zlib and hand-made
 * chunks (CRC32 computed here).
 *
 * The glyph: a rounded square with a red-to-orange gradient (live-stream red)
 * and three ascending white bars (an index / ranking chart) on a thin baseline.
 *
 * Usage: node scripts/make-icons.js [outDir]   (default: assets/ next to this folder)
 * The output is deterministic: running it twice gives byte-identical files.
 */
"use strict";

const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

const SIZES = [16, 32, 64, 80, 128];
const LOGO_SIZE = 300; // logo-filled.png, used by AppSource-style listings

// ---------------------------------------------------------------- PNG writer

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (let i = 0; i < buf.length; i++) c = CRC_TABLE[(c ^ buf[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length, 0);
  const typeAndData = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(typeAndData), 0);
  return Buffer.concat([len, typeAndData, crc]);
}

/** rgba: Uint8Array of width*height*4, straight (non-premultiplied) alpha. */
function encodePng(width, height, rgba) {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // compression: deflate
  ihdr[11] = 0; // filter method 0
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0; // filter type None
    Buffer.from(rgba.buffer, rgba.byteOffset + y * stride, stride).copy(raw, y * (stride + 1) + 1);
  }
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([signature, chunk("IHDR", ihdr), chunk("IDAT", idat), chunk("IEND", Buffer.alloc(0))]);
}

// ---------------------------------------------------------------- drawing

const clamp01 = (v) => (v < 0 ? 0 : v > 1 ? 1 : v);

/** Coverage (0..1) of the pixel centred at (px, py) by a rounded rectangle, by supersampling. */
function roundedRectCoverage(px, py, x0, y0, x1, y1, r, samples) {
  let inside = 0;
  for (let sy = 0; sy < samples; sy++) {
    for (let sx = 0; sx < samples; sx++) {
      const x = px + (sx + 0.5) / samples;
      const y = py + (sy + 0.5) / samples;
      if (x < x0 || x > x1 || y < y0 || y > y1) continue;
      const cx = x < x0 + r ? x0 + r : x > x1 - r ? x1 - r : x;
      const cy = y < y0 + r ? y0 + r : y > y1 - r ? y1 - r : y;
      const dx = x - cx;
      const dy = y - cy;
      if (dx * dx + dy * dy <= r * r) inside++;
    }
  }
  return inside / (samples * samples);
}

function drawIcon(size) {
  const rgba = new Uint8Array(size * size * 4);
  const s = size;
  const samples = size <= 32 ? 8 : 4;

  // Background: rounded square with a diagonal gradient from red (#E5252A) to orange (#FF7A1A).
  const margin = s <= 16 ? 0 : s * 0.03;
  const radius = s * 0.2;
  const top = [0xe5, 0x25, 0x2a];
  const bottom = [0xff, 0x7a, 0x1a];

  // Bars: three ascending white bars standing on a baseline.
  // Small icons snap the bars to whole pixels so they stay crisp.
  const snap = s <= 32 ? Math.round : (v) => v;
  const barW = snap(s * (s <= 16 ? 0.19 : 0.16));
  const gap = snap(s * (s <= 16 ? 0.08 : 0.09));
  const totalW = 3 * barW + 2 * gap;
  const left = s <= 32 ? Math.floor((s - totalW) / 2) : (s - totalW) / 2;
  const baseY = snap(s * 0.78);
  const heights = [0.26, 0.41, 0.56].map((h) => snap(h * s));
  const barR = s <= 16 ? 0 : barW * 0.18;
  const bars = heights.map((h, i) => {
    const x0 = left + i * (barW + gap);
    return [x0, baseY - h, x0 + barW, baseY, barR];
  });
  const lineH = Math.max(1, snap(s * 0.045));
  const lineY = baseY + Math.max(1, snap(s * 0.02));
  const lineX = snap(gap * 0.6);
  const baseline = [left - lineX, lineY, left + totalW + lineX, lineY + lineH, 0];
  const shapes = s <= 16 ? bars : bars.concat([baseline]);

  for (let y = 0; y < s; y++) {
    for (let x = 0; x < s; x++) {
      const bg = roundedRectCoverage(x, y, margin, margin, s - margin, s - margin, radius, samples);
      let white = 0;
      for (const [x0, y0, x1, y1, r] of shapes) {
        white = Math.max(white, roundedRectCoverage(x, y, x0, y0, x1, y1, r, samples));
      }
      const t = clamp01((x + y) / (2 * s));
      let r = top[0] + (bottom[0] - top[0]) * t;
      let g = top[1] + (bottom[1] - top[1]) * t;
      let b = top[2] + (bottom[2] - top[2]) * t;
      // White glyph composited over the background (glyph lies inside the square).
      r = r + (255 - r) * white;
      g = g + (255 - g) * white;
      b = b + (255 - b) * white;
      const i = (y * s + x) * 4;
      rgba[i] = Math.round(r);
      rgba[i + 1] = Math.round(g);
      rgba[i + 2] = Math.round(b);
      rgba[i + 3] = Math.round(255 * bg);
    }
  }
  return rgba;
}

// ---------------------------------------------------------------- main

function main() {
  const outDir = path.resolve(process.argv[2] || path.join(__dirname, "..", "assets"));
  fs.mkdirSync(outDir, { recursive: true });
  const outputs = SIZES.map((size) => [`icon-${size}.png`, size]).concat([["logo-filled.png", LOGO_SIZE]]);
  for (const [name, size] of outputs) {
    const png = encodePng(size, size, drawIcon(size));
    fs.writeFileSync(path.join(outDir, name), png);
    console.log(`wrote ${path.relative(process.cwd(), path.join(outDir, name))} (${size}x${size}, ${png.length} bytes)`);
  }
}

if (require.main === module) main();

module.exports = { encodePng, crc32, drawIcon };
