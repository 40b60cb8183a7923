import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
const dir = '/tmp/k10/verdicts/pages';
const files = readdirSync(dir, { recursive: true }).filter((f) => String(f).endsWith('.json')).map((f) => join(dir, String(f)));
const texts = files.map((f) => readFileSync(f, 'utf8'));
const gc = (globalThis as any).gc;
gc(); gc();
const base = process.memoryUsage().heapUsed;
const t0 = performance.now();
const kept = texts.map((t) => JSON.parse(t));
const t1 = performance.now();
gc(); gc();
console.log('pages', files.length, 'json MB', (texts.reduce((a, t) => a + t.length, 0) / 1e6).toFixed(1), 'parsed heap MB', ((process.memoryUsage().heapUsed - base) / 1e6).toFixed(1), 'parse ms', (t1 - t0).toFixed(0));
const recs = kept.flatMap((p) => p.records);
gc();
const b2 = process.memoryUsage().heapUsed;
for (const p of kept) { p.records = undefined; }
gc(); gc();
console.log('records part MB', ((b2 - process.memoryUsage().heapUsed) / 1e6).toFixed(1), recs.length);
