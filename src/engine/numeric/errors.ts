import type { Span } from '../span.js';

/** Raised during evaluation when part of a formula has no checkable meaning (`\cdots`, `X_{ij}`). */
export class NotCheckableError extends Error {
  constructor(
    readonly reason: string,
    readonly span: Span,
  ) {
    super(reason);
    this.name = 'NotCheckableError';
  }
}

/** Raised during evaluation for a construct the engine does not support. */
export class UnsupportedError extends Error {
  constructor(
    readonly reason: string,
    readonly span: Span,
  ) {
    super(reason);
    this.name = 'UnsupportedError';
  }
}
