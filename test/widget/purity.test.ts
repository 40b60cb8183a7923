/**
 * The widget layer stays light and safe: src/widget imports only the engine and its own modules,
 * the page's loader imports only the widget (dynamically), and nothing evaluates strings as code.
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
    for (const spec of importsOf(source)) expect(spec, `${name} imports ${spec}`).toMatch(/^\.\/[\w-]+\.(js|css\?inline)$|^\.\.\/engine\/index\.js$/);
    expect(EVALUATES.test(source)).toBe(false);
  });

  test('the page loader imports the widget only dynamically and no engine', () => {
    const source = readFileSync(LOADER, 'utf8');
    expect(source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')).not.toMatch(/engine/);
    expect(source).not.toMatch(/^import\s/m);
    expect(importsOf(source)).toEqual(['../widget/index.js', '../widget/index.js']);
    expect(EVALUATES.test(source)).toBe(false);
  });
});
