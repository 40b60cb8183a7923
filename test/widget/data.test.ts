/**
 * The widget data's file format: contexts packed into shared parts, and read back whole. A file
 * that does not hold what a widget needs fails with a message, not with a formula checked in a
 * wrong context.
 */
import { describe, expect, test } from 'vitest';
import { contextPacker, createEngine, unpackContext, type Context } from '../../src/engine/index.js';
import { packWidgetFormulas, unpackWidgetFormulas, type ShippedWidgetFormulas, type WidgetFormulas } from '../../src/widget/data.js';

const engine = createEngine();
const square: Context = { symbols: { X: { rows: 'n', cols: 'n', properties: [] } }, layout: 'denominator' };
const symmetric: Context = { symbols: { X: { rows: 'n', cols: 'n', properties: ['symmetric'] } }, layout: 'denominator' };
const defined: Context = { ...square, definitions: { f: { params: ['X'], body: { kind: 'symbol', name: 'X' } as never, latex: 'X' } } };

describe('contextPacker', () => {
  test.each([
    ['one context', [square], 2],
    ['equal contexts, made apart', [square, structuredClone(square)], 2],
    ['contexts differing in one field', [square, symmetric], 3],
    ['a context adding a field', [square, defined], 3],
    ['no fields', [{}], 0],
  ] as const)('%s: unpacked equal to what was packed, with %i distinct parts', (_, contexts, parts) => {
    const packer = contextPacker();
    const packed = contexts.map((context) => packer.pack(context));
    expect(packer.parts).toHaveLength(parts);
    expect(JSON.parse(JSON.stringify(packed)).map((p: Record<string, number>) => unpackContext(packer.parts, p))).toEqual(contexts);
  });

  test.each([
    ['past the end', { layout: 2 }],
    ['negative', { layout: -1 }],
    ['not a number', { layout: '0' as unknown as number }],
  ])('an index %s fails naming the field', (_, packed) => {
    expect(() => unpackContext(['denominator', {}], packed)).toThrow(/packed context: field layout points at part .*, and there are 2/);
  });
});

describe('the widget data file', () => {
  const data: WidgetFormulas = {
    seed: 7,
    formulas: {
      'f-a': { status: 'verified', compiled: engine.compile('\\mathrm{d}(X^{-1}) = -X^{-1}(\\mathrm{d}X)X^{-1}', square) },
      'f-b': { status: 'erratum', compiled: engine.compile('\\mathrm{d}(X^2) = X\\,\\mathrm{d}X + \\mathrm{d}X\\,X', symmetric), original: engine.compile('\\mathrm{d}(X^2) = 2X\\,\\mathrm{d}X', symmetric) },
    },
  };

  test('reads back, after JSON, as the formulas it was written from', () => {
    const shipped = JSON.parse(JSON.stringify(packWidgetFormulas(data))) as ShippedWidgetFormulas;
    expect(unpackWidgetFormulas(shipped)).toEqual(data);
    // The erratum's correction and original share their context's parts; the two contexts share the layout.
    expect(shipped.formulas['f-b'].original?.context).toEqual(shipped.formulas['f-b'].compiled.context);
    expect(shipped.parts).toHaveLength(3);
  });

  test('a file without context parts (from an older build) fails with a message', () => {
    const old = JSON.parse(JSON.stringify(data)) as ShippedWidgetFormulas;
    expect(() => unpackWidgetFormulas(old)).toThrow(/formula data has no context parts/);
  });
});
