/**
 * `npx tsx scripts/engine-throughput.ts [rounds]`: formulas per second on one core over the reference
 * table, split into first- and second-order claims and exact vs float mode.
 */
import { createEngine } from '../src/engine/index.js';
import { TABLE, contextOf } from '../test/engine/table.js';

const DEFAULT_ROUNDS = 3;
const SECOND_ORDER = /\\partial\s*\^\s*\{?2|\\nabla\s*\^\s*\{?2|\\nabla\s*_\{?\w+\}?\s*\^\s*\{?2|\\mathrm\{d\}\^2|H\[|H\(/;

interface Bucket {
  formulas: number;
  ms: number;
}

function main(rounds: number): void {
  const engine = createEngine();
  const buckets = new Map<string, Bucket>();
  const contexts = TABLE.map((entry) => contextOf(entry));
  for (let round = 0; round < rounds; round++) {
    TABLE.forEach((entry, i) => {
      for (const latex of [entry.latex, entry.wrong]) {
        const start = performance.now();
        const verdict = engine.verify(latex, contexts[i], { seed: round + 1, suggest: false });
        const ms = performance.now() - start;
        const order = SECOND_ORDER.test(latex) ? 'second' : 'first';
        const key = `${order}/${verdict.mode ?? 'none'}`;
        const bucket = buckets.get(key) ?? { formulas: 0, ms: 0 };
        bucket.formulas++;
        bucket.ms += ms;
        buckets.set(key, bucket);
      }
    });
  }
  const rows = [...buckets.entries()].sort(([a], [b]) => a.localeCompare(b));
  const total = rows.reduce((s, [, b]) => ({ formulas: s.formulas + b.formulas, ms: s.ms + b.ms }), { formulas: 0, ms: 0 });
  console.log('order   mode    formulas  ms/formula  formulas/s');
  for (const [key, b] of [...rows, ['all/all', total] as [string, Bucket]]) {
    const [order, mode] = key.split('/');
    const per = b.ms / b.formulas;
    console.log(`${order.padEnd(7)} ${mode.padEnd(7)} ${String(b.formulas).padStart(8)}  ${per.toFixed(2).padStart(10)}  ${(1000 / per).toFixed(0).padStart(10)}`);
  }
  console.log('(correct and wrong variants of the table, no did-you-mean search, 3 trials each, one core)');
}

main(Number(process.argv[2] ?? DEFAULT_ROUNDS));
