/**
 * One KaTeX for the whole site: the notes' formulas (rehype-katex), the report's (src/site/report-math.ts),
 * the widget's typesetter and the stylesheet every page loads come from the same KaTeX. Its class names
 * changed between versions (0.16's `base`, `strut`, `overlay` are 0.19's `katex-base`, `katex-strut`,
 * `katex-overlay`): with rehype-katex's own KaTeX 0.16 under the 0.19 stylesheet, the published
 * pages' struts and accents had no rules (the arrow of `\vec{x}` sat beside its letter). package.json
 * overrides rehype-katex's KaTeX with the site's.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { selectAll } from 'hast-util-select';
import { describe, expect, test } from 'vitest';
import { builtPage, DIST, ROOT } from '../helpers/site.js';

const require = createRequire(join(ROOT, 'package.json'));
const versionFrom = (from: string) => (JSON.parse(readFileSync(require.resolve('katex/package.json', { paths: [from] }), 'utf8')) as { version: string }).version;

test('rehype-katex renders with the KaTeX whose stylesheet the pages load', () => {
  const site = versionFrom(ROOT);
  expect(versionFrom(dirname(require.resolve('rehype-katex')))).toBe(site);
});

describe('a built note page', () => {
  const page = builtPage('en/vector-and-matrix-differentials/');
  const css = readdirSync(join(DIST, '_astro'))
    .filter((name) => name.endsWith('.css'))
    .map((name) => readFileSync(join(DIST, '_astro', name), 'utf8'))
    .join('\n');

  test("its formulas use the stylesheet's class names for struts, bases and accents", () => {
    for (const name of ['katex-base', 'katex-strut', 'katex-accent', 'katex-overlay']) {
      expect(selectAll(`.katex-html .${name}`, page).length, name).toBeGreaterThan(0);
      expect(css, name).toMatch(new RegExp(`\\.${name}[{,.: ]`));
    }
    // 0.16's names, which the stylesheet has no rules for, are gone.
    for (const name of ['base', 'strut', 'overlay']) expect(selectAll(`.katex-html .${name}`, page), name).toEqual([]);
  });
});
