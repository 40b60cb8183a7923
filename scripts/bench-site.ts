/**
 * `npx tsx scripts/bench-site.ts [--formulas 5000 | --real] [--kinds off,cold,warm] [--keep DIR] [--heap-mb N]`:
 * targeted builds of one synthetic site (the full benchmark's builds, one size) or of a copy of the
 * real notes, for measuring a change without the 20-minute `npm run bench`. With `--keep DIR` the
 * project and its verdict cache are made in DIR (or reused when DIR already holds them: its sources
 * are then copied afresh from this checkout, the notes and the verdict cache kept) and left there,
 * so a warm build can be repeated, compared before and after a change, or profiled. `--heap-mb N`
 * bounds Node's heap at N MB instead of the launcher's default (BUILD_HEAP_MB, scripts/astro-build.mjs).
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { measureBuild, peakText } from './bench/build.js';
import { COPIED, realProject, syntheticProject, type BenchProject } from './bench/project.js';

const FORMULAS_PER_NOTE = 50;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
}

const formulas = Number(option('formulas') ?? 5000);
const kinds = (option('kinds') ?? 'off,cold,warm').split(',') as ('off' | 'cold' | 'warm')[];
const keep = option('keep');
const heapMb = option('heap-mb') ? Number(option('heap-mb')) : undefined;

let project: BenchProject;
let cache: string;
if (keep && existsSync(join(keep, 'project'))) {
  project = { root: join(keep, 'project'), formulas, dispose: () => undefined };
  cache = join(keep, 'verdicts');
  for (const entry of COPIED) {
    if (!existsSync(entry)) continue;
    rmSync(join(project.root, entry), { recursive: true, force: true });
    cpSync(entry, join(project.root, entry), { recursive: true });
  }
} else {
  project = process.argv.includes('--real') ? realProject(process.cwd()) : syntheticProject(process.cwd(), { formulas, pages: formulas / FORMULAS_PER_NOTE });
  cache = keep ? join(keep, 'verdicts') : mkdtempSync(join(tmpdir(), 'bench-verdicts-'));
  if (keep) {
    mkdirSync(keep, { recursive: true });
    // Move the project under DIR so that it outlives this run.
    try {
      renameSync(project.root, join(keep, 'project'));
    } catch {
      cpSync(project.root, join(keep, 'project'), { recursive: true, verbatimSymlinks: true });
      rmSync(project.root, { recursive: true, force: true });
    }
    project = { root: join(keep, 'project'), formulas: project.formulas, dispose: () => undefined };
  }
}
mkdirSync(cache, { recursive: true });
console.error(`project ${project.root}, verdict cache ${cache}`);
try {
  for (const kind of kinds) {
    if (kind === 'cold') rmSync(cache, { recursive: true, force: true });
    const measure = await measureBuild(project, { check: kind !== 'off', verdictCache: cache, heapMb });
    const cpu = measure.cpuMs !== undefined ? `, CPU ${(measure.cpuMs / 1000).toFixed(1)} s` : '';
    const check = measure.check ? `, check ${measure.check.ms} ms, ${measure.check.hits} hits, ${measure.check.derived} derived (${measure.check.prefetched} by the prefetch before)` : '';
    console.log(`${kind}: ${(measure.wallMs / 1000).toFixed(1)} s wall${cpu}, peak ${peakText(measure)}${check}`);
  }
} finally {
  if (!keep) {
    project.dispose();
    rmSync(cache, { recursive: true, force: true });
  }
}
