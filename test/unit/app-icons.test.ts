// One icon design everywhere: manifest/icon.svg is drawn into the Teams colour (192 px) and outline (32 px) icons,
// the Slack app icon (512 px) and the page's favicon by `npm run icons` (bin/icons.js); this checks the sizes, the
// outline's white-on-transparent rule, and that the committed files are what the SVG gives today.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const png = (file: string) => PNG.sync.read(readFileSync(path.join(ROOT, file)));

describe('app icons', () => {
  it.each([
    ['manifest/teams/color.png', 192],
    ['manifest/teams/outline.png', 32],
    ['manifest/slack/icon.png', 512],
  ])('%s is %i×%i pixels', (file, size) => {
    const image = png(file);
    expect([image.width, image.height]).toEqual([size, size]);
  });

  it('the colour icons are opaque in the middle (the shield) and draw the same picture at both sizes', () => {
    const teams = png('manifest/teams/color.png');
    const slack = png('manifest/slack/icon.png');
    const at = (image: PNG, fx: number, fy: number) => {
      const i = (Math.floor(fy * image.height) * image.width + Math.floor(fx * image.width)) * 4;
      return [...image.data.subarray(i, i + 4)];
    };
    for (const [fx, fy] of [
      [0.5, 0.3],
      [0.15, 0.5],
      [0.5, 0.9],
    ] as const) {
      const a = at(teams, fx, fy);
      const b = at(slack, fx, fy);
      expect(a[3]).toBe(255);
      for (let c = 0; c < 3; c++) expect(Math.abs((a[c] as number) - (b[c] as number))).toBeLessThan(24);
    }
  });

  it('the Teams outline icon is white on transparent only, with something drawn', () => {
    const outline = png('manifest/teams/outline.png');
    let drawn = 0;
    for (let i = 0; i < outline.data.length; i += 4) {
      const [r, g, b, a] = outline.data.subarray(i, i + 4);
      expect(a === 0 || (r === 255 && g === 255 && b === 255)).toBe(true);
      if ((a as number) > 128) drawn++;
    }
    expect(drawn).toBeGreaterThan(60);
  });

  it('the page’s favicon is the same SVG', () => {
    expect(readFileSync(path.join(ROOT, 'adapters/web/static/favicon.svg'), 'utf8')).toBe(
      readFileSync(path.join(ROOT, 'manifest/icon.svg'), 'utf8'),
    );
  });

  it('every committed icon is what manifest/icon.svg gives (npm run icons was run after the last change)', () => {
    expect(() =>
      execFileSync(process.execPath, [path.join(ROOT, 'bin/icons.js'), '--check'], { stdio: 'pipe' }),
    ).not.toThrow();
  });
});
