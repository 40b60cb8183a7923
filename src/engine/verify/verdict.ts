import type { Diagnostic } from '../diagnostics.js';
import type { Span } from '../span.js';
import type { Definition, SymbolDeclaration } from '../types/context.js';

/** The status of a formula or of one step of it. */
export type Status = 'verified' | 'mismatch' | 'not-checkable' | 'unsupported';

/** Sampled inputs and both sides' values at the failing sample; numbers as nested arrays (rows). */
export interface Counterexample {
  inputs: Record<string, number[][]>;
  left: number[][];
  right: number[][];
  /** Sizes drawn for the dimension names. */
  sizes: Record<string, number>;
  /** Values of the step's free indices at the failing sample (`i = 2`), when it has any. */
  indices?: Record<string, number>;
}

/** The verdict on one relation of a chain (`a = b` is one step, `a = b = c` two). */
export interface StepVerdict {
  status: Status;
  /** Span of the step inside the formula's LaTeX: from its left item to its right item. */
  span: Span;
  reason: string;
  /** Largest relative error seen (0 in exact mode when equal). */
  error: number;
  counterexample?: Counterexample;
  /** A *did you mean*: a common slip that, undone, makes the step hold. */
  suggestion?: string;
  /** The step is a premise (a definition, or the hypothesis of a rule schema), not a claim to check. */
  premise?: boolean;
}

/** The verdict on one formula. */
export interface Verdict {
  status: Status;
  reason: string;
  mode?: 'exact' | 'float';
  trials: number;
  maxRelError: number;
  steps: StepVerdict[];
  diagnostics: Diagnostic[];
  /** Definitions this formula introduces (`f = a^T X b` with f undefined). */
  defines?: Record<string, Definition>;
  /** Symbol shapes this formula declares (`X \in \mathbb{R}^{m\times n}`). */
  declares?: Record<string, SymbolDeclaration>;
}

/**
 * Combine step statuses: any mismatch wins, then unsupported. A formula is verified only when every
 * step is verified or a premise (a definition, a schema's hypothesis); a chain with a step that cannot
 * be checked is not-checkable as a whole, however many of its other steps hold.
 */
export function combineStatus(steps: readonly StepVerdict[]): Status {
  if (steps.some((s) => s.status === 'mismatch')) return 'mismatch';
  if (steps.some((s) => s.status === 'unsupported')) return 'unsupported';
  const claims = steps.filter((s) => !s.premise);
  if (claims.length && claims.every((s) => s.status === 'verified')) return 'verified';
  return 'not-checkable';
}
