/**
 * The data the live check widgets ship (src/verification/compiled.ts) reproduces the build: on a
 * real note, each erratum's original fails on the build's counterexample and each verified
 * formula's relative errors are the build's, computed from the shipped JSON alone (read as the
 * widget reads it: its contexts unpacked from the file's shared parts).
 */
import { describe, expect, test } from 'vitest';
import { sampleCompiled, type CompiledFormula } from '../../src/engine/index.js';
import { widgetFormulas, widgetFormulasJson } from '../../src/verification/compiled.js';
import { unpackWidgetFormulas, type ShippedWidgetFormulas } from '../../src/widget/data.js';
import { createSiteVerification } from '../../src/verification/site.js';
import { ROOT } from '../helpers/site.js';

const FILE = 'content/notes/real-matrix-differentials/en.md';
const site = createSiteVerification({ root: ROOT, cacheDir: false });

/** Only what the file holds: nothing shared with the build's objects. */
function roundTrip(compiled: CompiledFormula): CompiledFormula {
  return JSON.parse(JSON.stringify(compiled)) as CompiledFormula;
}

describe(`the widget data of ${FILE}`, async () => {
  const [{ records }, bytes] = await Promise.all([site.verifyFile(FILE), widgetFormulasJson(site, FILE)]);
  const shipped = JSON.parse(Buffer.from(bytes).toString('utf8')) as ShippedWidgetFormulas;
  const data = unpackWidgetFormulas(shipped);
  const byId = new Map(records.map((r) => [r.id, r]));

  test('lists every verified display formula (corrected ones as errata, with the source\'s original), with the build seed', () => {
    const expected = records.filter((r) => r.display && r.status === 'verified').map((r) => r.id);
    const corrected = records.filter((r) => r.display && r.erratum).map((r) => r.id);
    expect(Object.keys(data.formulas).filter((id) => data.formulas[id].status === 'erratum').sort()).toEqual(corrected.sort());
    expect(Object.keys(data.formulas).sort()).toEqual(expected.sort());
    expect(Object.values(data.formulas).filter((f) => f.status === 'erratum').length).toBeGreaterThan(0);
  });

  test('an erratum original fails on exactly the build counterexample, and the correction passes on the same numbers', () => {
    for (const [id, formula] of Object.entries(data.formulas)) {
      if (formula.status !== 'erratum') continue;
      const record = byId.get(id)!;
      const counterexample = record.originalCounterexample;
      if (!counterexample) continue; // a shape conflict has no numbers
      const original = roundTrip(formula.original!);
      const failing = [0, 1, 2].map((trial) => sampleCompiled(original, { seed: data.seed, trial })).find((s) => s.steps.some((step) => step.values?.equal === false))!;
      const step = failing.steps.find((s) => s.values?.equal === false)!;
      const inputs = Object.fromEntries(Object.entries(failing.inputs).map(([name, m]) => [name, m.rows]));
      expect(inputs, id).toEqual(counterexample.inputs);
      expect(step.values!.left.rows, id).toEqual(counterexample.left);
      expect(step.values!.right.rows, id).toEqual(counterexample.right);
      expect(step.values!.relError, id).toBe(record.originalError);
      const correction = sampleCompiled(roundTrip(formula.compiled), { seed: data.seed, trial: failing.trial });
      expect(correction.steps.filter((s) => s.values).every((s) => s.values!.equal), id).toBe(true);
    }
  });

  test('a verified formula has the build relative errors, step by step', () => {
    let checked = 0;
    for (const [id, formula] of Object.entries(data.formulas)) {
      if (formula.status !== 'verified') continue;
      const record = byId.get(id)!;
      const samples = Array.from({ length: record.trials }, (_, trial) => sampleCompiled(roundTrip(formula.compiled), { seed: data.seed, trial }));
      record.steps.forEach((step, k) => {
        if (step.status !== 'verified') return;
        expect(Math.max(...samples.map((s) => s.steps[k].values!.relError)), `${id} step ${k + 1}`).toBe(step.error);
        checked++;
      });
      expect(samples[0].mode, id).toBe(record.mode);
    }
    expect(checked).toBeGreaterThan(20);
  });

  test('the file reads back as the build compiled it, each distinct context value written once', async () => {
    expect(data).toEqual(await widgetFormulas(site, FILE));
    const texts = shipped.parts.map((part) => JSON.stringify(part));
    expect(new Set(texts).size).toBe(texts.length);
    // The contexts as shipped (the parts and each formula's indexes) against written out per formula:
    // 8.6 KB against 15.9 KB on this note (its formulas share fewer definitions than differential-first's, 40 against 158 KB).
    const compiled = (formulas: Record<string, { compiled: { context: unknown }; original?: { context: unknown } }>) =>
      Object.values(formulas).flatMap((f) => [f.compiled, ...(f.original ? [f.original] : [])]);
    const size = (value: unknown) => JSON.stringify(value).length;
    const packed = size(shipped.parts) + compiled(shipped.formulas).reduce((sum, c) => sum + size(c.context), 0);
    const perFormula = compiled(data.formulas).reduce((sum, c) => sum + size(c.context), 0);
    expect(packed).toBeLessThan(perFormula * 0.75);
  });
});
