import { arithmeticOps } from './arithmetic.js';
import type { OpSpec } from './define.js';
import { elementwiseOps } from './elementwise.js';
import { inverseOps } from './inverse.js';
import { productOps } from './products.js';
import { reductionOps } from './reductions.js';
import { vectorizeOps } from './vectorize.js';

export { defineOp, type OpSpec, type EvalInfo, type ShapeRuleApi } from './define.js';

/** Every built-in operator; one index assembles the families (no registration by side effect). */
export const builtinOps: readonly OpSpec[] = [
  ...arithmeticOps,
  ...inverseOps,
  ...reductionOps,
  ...productOps,
  ...vectorizeOps,
  ...elementwiseOps,
];

/** Index operators by name. */
export function createOpTable(extra: readonly OpSpec[] = []): ReadonlyMap<string, OpSpec> {
  return new Map([...builtinOps, ...extra].map((op) => [op.name, op]));
}
