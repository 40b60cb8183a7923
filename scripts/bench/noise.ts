/**
 * The machine's own noise: a fixed piece of single-core work, timed over and over. Every ratio of
 * the benchmark divides two builds' times, so how much the time of identical work moves from one
 * second to the next bounds what one pair of builds can tell: on a shared virtual machine it moves
 * by far more than a 5% budget (BENCHMARKS.md prints this run's figures beside the budgets).
 */
import { spread, type Spread } from './ratios.js';

/** Repetitions of the work; at about 200 ms each, the probe takes some ten seconds. */
const REPETITIONS = 50;
const SIZE = 100_000;
const ROUNDS = 80;

/** One repetition: arithmetic over a typed array, no allocation inside the timed loop. */
function work(values: Float64Array): number {
  let sum = 0;
  for (let round = 0; round < ROUNDS; round++) {
    for (let index = 0; index < values.length; index++) {
      values[index] = Math.sin(index + round) + values[(index * 7) % values.length];
      sum += values[index];
    }
  }
  return sum;
}

/** The time of each repetition of the fixed work, ms, summarised. */
export function machineNoise(): Spread & { repetitions: number } {
  const values = new Float64Array(SIZE);
  work(values); // Once untimed, so that the timed repetitions all run optimised code.
  const times: number[] = [];
  let sink = 0;
  for (let repetition = 0; repetition < REPETITIONS; repetition++) {
    const start = performance.now();
    sink += work(values);
    times.push(performance.now() - start);
  }
  if (Number.isNaN(sink)) throw new Error('the noise probe computed NaN'); // Keeps the work observable.
  return { ...spread(times), repetitions: REPETITIONS };
}
