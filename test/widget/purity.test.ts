/**
 * The widget layer stays light and safe: src/widget imports only the engine and its own modules
 * (and its typesetter KaTeX with the notes' macro table, which the page's formulas were rendered
 * with), the page's loader imports only the widget (dynamically), and nothing evaluates strings as code.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/site.js';

const WIDGET = join(ROOT, 'src', 'widget');
const LOADER = join(ROOT, 'src', 'scripts', 'check-widgets.ts');
const EVALUATES = /\beval\s*\(|new\s+Function\b|\bFunction\s*\(|setTimeout\s*\(\s*['"`]|\.innerHTML\s*=|insertAdjacentHTML/;

function importsOf(source: string): string[] {
  return [...source.matchAll(/(?:import|export)\s*(?:type\s*)?(?:[^'"]*from\s*)?\(?\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
}

describe('src/widget', () => {
  const files = readdirSync(WIDGET).filter((name) => name.endsWith('.ts'));
  test.each(files)('%s imports only the engine and the widget, and evaluates no strings', (name) => {
    const source = readFileSync(join(WIDGET, name), 'utf8');
    const allowed = name === 'typeset.ts' ? /^katex$|^\.\.\/markdown\/katex-macros\.js$/ : /^\.\/[\w-]+\.(js|css\?inline)$|^\.\.\/engine\/index\.js$/;
    for (const spec of importsOf(source)) expect(spec, `${name} imports ${spec}`).toMatch(allowed);
    expect(EVALUATES.test(source)).toBe(false);
  });

  test('KaTeX reaches the widget only through its typesetter, which the widget imports dynamically', () => {
    const importers = files.filter((name) => importsOf(readFileSync(join(WIDGET, name), 'utf8')).includes('./typeset.js'));
    for (const name of importers) {
      const source = readFileSync(join(WIDGET, name), 'utf8');
      expect(source, `${name} imports the typesetter statically`).not.toMatch(/^import\s+(?!type\b)[^;]*['"]\.\/typeset\.js['"]/m);
    }
    expect(importers).toContain('formula-check.ts');
  });

  test('the page loader imports the widget only dynamically and no engine', () => {
    const source = readFileSync(LOADER, 'utf8');
    expect(source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')).not.toMatch(/engine/);
    expect(source).not.toMatch(/^import\s/m);
    expect(importsOf(source)).toEqual(['../widget/index.js', '../widget/index.js']);
    expect(EVALUATES.test(source)).toBe(false);
  });
});
