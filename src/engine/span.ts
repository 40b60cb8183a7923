/** A source range inside one LaTeX string: zero-based, `end` exclusive. */
export interface Span {
  start: number;
  end: number;
}

/** Build the span that covers both `a` and `b`. */
export function joinSpans(a: Span, b: Span): Span {
  return { start: Math.min(a.start, b.start), end: Math.max(a.end, b.end) };
}

/** An empty span at `offset`, for synthetic nodes that still need a position. */
export function pointSpan(offset: number): Span {
  return { start: offset, end: offset };
}
