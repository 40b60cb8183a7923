/**
 * Throwaway projects for the build benchmarks, made like test/build/failing-build.test.ts makes its
 * fixture site: node_modules (and the other folders pages read) linked, the sources and
 * configuration files copied, and content either the real
 * notes (copied, so edits made while the benchmark runs do not change what it measures) or
 * synthetic ones. `src/` is copied, not linked: Vite resolves a linked folder to its real path, and
 * the build then looks for Astro components outside the project. A wrapper config gives Astro and
 * Vite their own cache folders, so the shared node_modules/.astro and .vite are never written.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticNotes, type SyntheticSize } from './synthetic-site.js';

/** The benchmark's Astro config file in a throwaway project. */
export const BENCH_CONFIG = 'bench.config.mjs';

const CONFIG_WRAPPER = `// The project's config with the caches Astro and Vite write kept inside this throwaway project.
import config from './astro.config.mjs';
export default { ...config, cacheDir: './.bench-cache/astro', vite: { ...(config.vite ?? {}), cacheDir: './.bench-cache/vite' } };
`;

/** A throwaway project. */
export interface BenchProject {
  root: string;
  /** Display formulas per language (synthetic sites), or undefined for the real notes. */
  formulas?: number;
  /** Remove the project. */
  dispose(): void;
}

/** Top-level entries a throwaway project copies; the rest (but content and build output) are linked. */
export const COPIED = ['src', 'public', 'astro.config.mjs', 'package.json', 'tsconfig.json', 'pagefind.yml'];
const SKIPPED = new Set(['content', 'dist', 'bench', 'BENCHMARKS.md']);

function scaffold(source: string, label: string): string {
  const root = mkdtempSync(join(tmpdir(), `bench-${label}-`));
  for (const entry of readdirSync(source)) {
    if (entry.startsWith('.') || SKIPPED.has(entry)) continue;
    if (COPIED.includes(entry)) cpSync(join(source, entry), join(root, entry), { recursive: true });
    else symlinkSync(join(source, entry), join(root, entry)); // node_modules, and files pages read (test/fixtures for the guide)
  }
  writeFileSync(join(root, BENCH_CONFIG), CONFIG_WRAPPER);
  return root;
}

function project(root: string, formulas?: number): BenchProject {
  return { root, formulas, dispose: () => rmSync(root, { recursive: true, force: true }) };
}

/**
 * A copy of the real site.
 *
 * @param source The repository root.
 */
export function realProject(source: string): BenchProject {
  const root = scaffold(source, 'real');
  cpSync(join(source, 'content'), join(root, 'content'), { recursive: true });
  return project(root);
}

/**
 * A site of synthetic notes (the real glossary and references, no real notes).
 *
 * @param source The repository root.
 * @param size Formulas and notes.
 */
export function syntheticProject(source: string, size: SyntheticSize): BenchProject {
  const root = scaffold(source, `synthetic-${size.formulas}`);
  mkdirSync(join(root, 'content'), { recursive: true });
  for (const file of ['glossary.yaml', 'references.yaml']) {
    if (existsSync(join(source, 'content', file))) cpSync(join(source, 'content', file), join(root, 'content', file));
  }
  return project(root, writeSyntheticNotes(root, size));
}
