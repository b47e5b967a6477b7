#!/usr/bin/env node
// `npm run icons`: every app icon from one drawing, manifest/icon.svg (a red shield with a white check on navy):
//
//   manifest/teams/color.png     192×192, the Teams app's colour icon
//   manifest/teams/outline.png   32×32, the Teams outline icon: the shield's outline and the check, white on
//                                transparent (Teams requires only white and transparent pixels)
//   manifest/slack/icon.png      512×512, to upload as the Slack app's icon (Basic Information → Display Information)
//   adapters/web/static/favicon.svg   the page's icon, the same SVG
//
// `node bin/icons.js --check` writes nothing and exits 1 when a committed file differs from what the SVG gives.
// Rendered with @resvg/resvg-js (a dev dependency), so the pixels do not depend on a browser or a system library.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';
import { PNG } from 'pngjs';
import { root } from './sources.js';

const SOURCE = path.join(root, 'manifest', 'icon.svg');
const say = (text) => process.stderr.write(`icons: ${text}\n`);

/** The `d` of the element with this id in the SVG. */
function pathData(svg, id) {
  const element = new RegExp(`<path[^>]*\\bid="${id}"[^>]*>`).exec(svg)?.[0];
  const d = element && /\bd="([^"]+)"/.exec(element)?.[1];
  if (!d) throw new Error(`manifest/icon.svg has no <path id="${id}" d="…">`);
  return d;
}

/** The outline variant of the same drawing: no background, the shield stroked, the check as it is, all white. */
function outlineSvg(svg) {
  return [
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="3 3 26 26">',
    `<path d="${pathData(svg, 'shield')}" fill="none" stroke="#fff" stroke-width="2.2" stroke-linejoin="round"/>`,
    `<path d="${pathData(svg, 'check')}" fill="none" stroke="#fff" stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>`,
    '</svg>',
  ].join('');
}

/** PNG bytes of `svg` drawn `size` pixels wide (square). */
function render(svg, size) {
  return new Resvg(svg, { fitTo: { mode: 'width', value: size }, font: { loadSystemFonts: false } }).render().asPng();
}

/** Teams allows white and transparent only: every pixel keeps its coverage as alpha and becomes pure white. */
function whiteOnly(png) {
  const image = PNG.sync.read(Buffer.from(png));
  for (let i = 0; i < image.data.length; i += 4) {
    image.data[i] = 255;
    image.data[i + 1] = 255;
    image.data[i + 2] = 255;
  }
  return PNG.sync.write(image);
}

/** Every generated file: path under the repository → bytes. */
export function icons() {
  const svg = readFileSync(SOURCE, 'utf8');
  return {
    'manifest/teams/color.png': render(svg, 192),
    'manifest/teams/outline.png': whiteOnly(render(outlineSvg(svg), 32)),
    'manifest/slack/icon.png': render(svg, 512),
    'adapters/web/static/favicon.svg': Buffer.from(svg),
  };
}

/** Same pixels (PNG) or the same text (SVG): re-encoding a PNG may change its bytes but not what it shows. */
function same(file, expected, actual) {
  if (!file.endsWith('.png')) return Buffer.compare(Buffer.from(expected), actual) === 0;
  const a = PNG.sync.read(Buffer.from(expected));
  const b = PNG.sync.read(actual);
  return a.width === b.width && a.height === b.height && Buffer.compare(a.data, b.data) === 0;
}

const check = process.argv.includes('--check');
let stale = 0;
for (const [file, bytes] of Object.entries(icons())) {
  const target = path.join(root, file);
  if (check) {
    let current;
    try {
      current = readFileSync(target);
    } catch {
      current = Buffer.alloc(0);
    }
    if (current.length === 0 || !same(file, bytes, current)) {
      say(`${file} is not what manifest/icon.svg gives: run npm run icons`);
      stale++;
    }
  } else {
    writeFileSync(target, bytes);
    say(file);
  }
}
if (stale > 0) process.exitCode = 1;
