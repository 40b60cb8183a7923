/**
 * One `astro build` of a throwaway project, run as `npm run build` runs it (scripts/astro-build.mjs,
 * which bounds Node's heap, with the verdict prefetch beside Astro's start), measured: wall time,
 * CPU time of all its processes (GNU time's report, when /usr/bin/time exists), peak memory (the
 * processes' proportional set sizes summed, sampled while they run, and the kernel's high-water
 * mark of the largest process, from GNU time), the formula check's log line
 * and the prefetch's. Every build starts without dist/ and
 * without Astro's caches, so builds differ only in what the benchmark varies: checking on or off,
 * and the verdict cache.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { BENCH_CONFIG, type BenchProject } from './project.js';

const GNU_TIME = '/usr/bin/time';
/** Reading a process's memory map summary walks its page tables: a few milliseconds for a large build. */
const POLL_MS = 200;

/** How a build is run. */
export interface BuildSettings {
  /** Check formulas (false: FORMULA_CHECK=off). */
  check: boolean;
  /** The verdict cache folder (VERDICT_CACHE_DIR). */
  verdictCache: string;
  /** The bound of Node's old-generation heap, MB (BUILD_HEAP_MB; default the launcher's own). */
  heapMb?: number;
}

/** What one build cost. */
export interface BuildMeasure {
  wallMs: number;
  /** User + system CPU time of the build's processes and their threads (undefined without GNU time). */
  cpuMs?: number;
  /** Peak memory, MB: the larger of {@link BuildMeasure.sampledMb} and {@link BuildMeasure.highWaterMb}. */
  peakMb: number;
  /** The build's processes together (their proportional set sizes summed), sampled every {@link POLL_MS} ms, MB. */
  sampledMb?: number;
  /**
   * The kernel's high-water mark of the largest process's resident set (GNU time), MB: it misses no
   * spike, where the samples can (the end of Astro's bundling lasts less than half a second).
   */
  highWaterMb?: number;
  /** The heap bound the launcher reported (MB). */
  heapMb?: number;
  /**
   * The check's log: formulas checked, time, verdict cache hits and derivations (checking on), and
   * the verdicts the prefetch beside Astro derived before it (the check counts them as hits).
   */
  check?: { formulas: number; ms: number; hits: number; derived: number; prefetched: number };
}

const HEAP_LINE = /heap bounded at (\d+) MB/;
const CHECK_LINE = /checked (\d+) formulas in (\d+) ms .*verdict cache: (\d+) hit\(s\), (\d+) derived/;
const PREFETCH_LINE = /verdict prefetch: (\d+) verdict\(s\) derived/;

/**
 * What GNU time's report (`time -v`) says of a run: CPU time of the process and its waited-for
 * descendants, and the largest resident set any of them reached.
 *
 * @param text The report.
 */
export function parseGnuTime(text: string): { cpuMs: number; highWaterMb?: number } {
  const seconds = (label: string) => Number(new RegExp(`${label} \\(seconds\\): ([\\d.]+)`).exec(text)?.[1] ?? NaN);
  const kbytes = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] ?? NaN);
  return { cpuMs: (seconds('User time') + seconds('System time')) * 1000, ...(Number.isFinite(kbytes) ? { highWaterMb: kbytes / 1024 } : {}) };
}

/**
 * The memory of a process and its descendants (the launcher, the build, the verdict prefetch) at
 * this moment, MB: the sum of their proportional set sizes, so pages they share (Node's own code)
 * count once, not once per process as a sum of resident sizes would.
 */
function treePssMb(pid: number): number {
  try {
    const kb = Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').split(' ').filter(Boolean).map(Number);
    return children.reduce((sum, child) => sum + treePssMb(child), kb / 1024);
  } catch {
    return 0; // The process has ended.
  }
}

/**
 * A build's peak memory as the logs print it: the peak, and the two measures it is the larger of.
 *
 * @param measure The build's measure.
 */
export function peakText(measure: BuildMeasure): string {
  const mb = (value: number | undefined) => (value === undefined ? '?' : String(Math.round(value)));
  return `${mb(measure.peakMb)} MB (sampled ${mb(measure.sampledMb)}, high-water ${mb(measure.highWaterMb)})`;
}

/**
 * Build a project once.
 *
 * @param project The throwaway project.
 * @param settings Checking and verdict cache.
 */
export async function measureBuild(project: BenchProject, settings: BuildSettings): Promise<BuildMeasure> {
  for (const dir of ['dist', '.bench-cache', '.astro']) rmSync(join(project.root, dir), { recursive: true, force: true });
  // The launcher `npm run build` uses (scripts/astro-build.mjs: `astro build` with the heap bounded).
  const astro = [join(project.root, 'scripts', 'astro-build.mjs'), '--config', BENCH_CONFIG];
  const gnuTime = existsSync(GNU_TIME);
  const timeReport = join(project.root, '.bench-time.txt');
  const [command, args] = gnuTime ? [GNU_TIME, ['-v', '-o', timeReport, process.execPath, ...astro]] : [process.execPath, astro];
  const env: NodeJS.ProcessEnv = { ...process.env, VERDICT_CACHE_DIR: settings.verdictCache, FORCE_COLOR: '0' };
  if (settings.heapMb) env.BUILD_HEAP_MB = String(settings.heapMb);
  if (settings.check) delete env.FORMULA_CHECK;
  else env.FORMULA_CHECK = 'off';

  const started = performance.now();
  const child = spawn(command, args, { cwd: project.root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  // The processes of the tree together (the prefetch runs beside Astro's start), sampled.
  let polledMb = 0;
  const poll = setInterval(() => (polledMb = Math.max(polledMb, treePssMb(child.pid ?? 0))), POLL_MS);
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  const wallMs = performance.now() - started;
  clearInterval(poll);
  if (code !== 0) throw new Error(`astro build failed in ${project.root} (exit ${code}):\n${output.slice(-4000)}`);

  const usage = gnuTime ? parseGnuTime(readFileSync(timeReport, 'utf8')) : undefined;
  const line = CHECK_LINE.exec(output);
  const heap = HEAP_LINE.exec(output);
  const prefetched = Number(PREFETCH_LINE.exec(output)?.[1] ?? 0);
  return {
    wallMs,
    cpuMs: usage?.cpuMs,
    peakMb: Math.max(polledMb, usage?.highWaterMb ?? 0),
    sampledMb: polledMb,
    ...(usage?.highWaterMb !== undefined ? { highWaterMb: usage.highWaterMb } : {}),
    ...(heap ? { heapMb: Number(heap[1]) } : {}),
    ...(line ? { check: { formulas: Number(line[1]), ms: Number(line[2]), hits: Number(line[3]), derived: Number(line[4]), prefetched } } : {}),
  };
}
