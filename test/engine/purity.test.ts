import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';

/** The engine must run unchanged in a browser: no Node, DOM, Astro, unified or Vite imports. */
const FORBIDDEN = [/^node:/, /^astro/, /^@astrojs\//, /^unified$/, /^remark/, /^rehype/, /^vite/, /^fs$/, /^path$/, /^mdast/, /^unist/];
const FORBIDDEN_GLOBALS = /\b(document|window|process|require|Buffer)\s*[.(]/;
const ENGINE = join(import.meta.dirname, '../../src/engine');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

describe('src/engine is pure', () => {
  test.each(files(ENGINE).map((f) => [f.slice(ENGINE.length + 1), f]))('%s', (_name, path) => {
    const source = readFileSync(path, 'utf8');
    const imports = [...source.matchAll(/(?:import|export)[^'"]*from\s*['"]([^'"]+)['"]/g)].map((m) => m[1]);
    for (const spec of imports) {
      expect(FORBIDDEN.some((re) => re.test(spec)), `${spec} is imported`).toBe(false);
      if (!spec.startsWith('.')) expect(spec, 'only relative imports inside the engine').toMatch(/^\./);
    }
    expect(FORBIDDEN_GLOBALS.test(source.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, ''))).toBe(false);
  });

  test.each(files(ENGINE).map((f) => [f.slice(ENGINE.length + 1), f]))('%s is under 400 lines', (_name, path) => {
    expect(readFileSync(path, 'utf8').split('\n').length).toBeLessThan(400);
  });
});
