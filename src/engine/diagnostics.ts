import type { Span } from './span.js';

/** Permanent diagnostic codes: tools may match on them, so never rename one. */
export const DiagnosticCode = {
  parseUnexpectedToken: 'E_PARSE_UNEXPECTED',
  parseUnbalanced: 'E_PARSE_UNBALANCED',
  parseMissingArgument: 'E_PARSE_MISSING_ARGUMENT',
  parseTooDeep: 'E_PARSE_TOO_DEEP',
  parseTooLong: 'E_PARSE_TOO_LONG',
  unknownCommand: 'E_UNKNOWN_COMMAND',
  unknownEnvironment: 'E_UNKNOWN_ENVIRONMENT',
  notCheckable: 'I_NOT_CHECKABLE',
  shapeConflict: 'E_SHAPE_CONFLICT',
  undefinedFunction: 'E_UNDEFINED_FUNCTION',
  badDeclaration: 'E_DECLARATION',
  rationalFallback: 'I_RATIONAL_FALLBACK',
  samplingFailed: 'E_SAMPLING_FAILED',
  evaluationFailed: 'E_EVALUATION_FAILED',
  proseIgnored: 'I_PROSE_IGNORED',
} as const;

/** One of the permanent codes in {@link DiagnosticCode}. */
export type DiagnosticCodeValue = (typeof DiagnosticCode)[keyof typeof DiagnosticCode];

/** A message about an author's input: what happened, why, and what to do. */
export interface Diagnostic {
  /** Permanent machine-readable code. */
  code: DiagnosticCodeValue;
  /** Human message without position (a formatter adds the code frame). */
  message: string;
  /** Where in the LaTeX source the problem is. */
  span: Span;
  /** `error` diagnostics make a formula unsupported; `info` ones only explain. */
  severity: 'error' | 'info';
  /** Structured data, e.g. the two conflicting shapes. */
  data?: Record<string, string | number>;
}

/** Create a diagnostic value (never thrown). */
export function diagnostic(
  code: DiagnosticCodeValue,
  message: string,
  span: Span,
  severity: 'error' | 'info' = 'error',
  data?: Record<string, string | number>,
): Diagnostic {
  return data ? { code, message, span, severity, data } : { code, message, span, severity };
}
