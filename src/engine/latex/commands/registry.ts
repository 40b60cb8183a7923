import { DiagnosticCode } from '../../diagnostics.js';
import type { Expr } from '../ast.js';
import type { Parser } from '../parser.js';
import type { Token } from '../tokens.js';

/** How one command (or family of commands) is parsed at an operand position. */
export interface CommandSpec {
  /** Command names without backslash (`frac`, `dfrac`). */
  names: string[];
  /** Parse the command; its own token is already consumed. */
  parse(p: Parser, token: Token): Expr;
}

/** How a bare letter or character is parsed at an operand position. */
export type TokenHandler = (p: Parser, token: Token) => Expr;

/** Create a command spec (typed helper, like KaTeX's defineFunction). */
export function defineCommand(spec: CommandSpec): CommandSpec {
  return spec;
}

/** A lookup table of commands plus the letter and character handlers; built per engine, no globals. */
export class CommandRegistry {
  private readonly byName = new Map<string, CommandSpec>();

  constructor(
    specs: readonly CommandSpec[],
    private readonly letterHandler: TokenHandler,
    private readonly charHandlers: Readonly<Record<string, TokenHandler>>,
  ) {
    for (const spec of specs) for (const name of spec.names) this.byName.set(name, spec);
  }

  has(name: string): boolean {
    return this.byName.has(name);
  }

  parseCommand(p: Parser, token: Token): Expr {
    const spec = this.byName.get(token.value);
    if (spec) return spec.parse(p, token);
    p.report(
      DiagnosticCode.unknownCommand,
      `The command \\${token.value} is not known to the checker; it cannot give the formula a meaning.`,
      token.span,
    );
    return { kind: 'opaque', status: 'unsupported', reason: `unknown command \\${token.value}`, span: token.span };
  }

  parseLetter(p: Parser, token: Token): Expr {
    return this.letterHandler(p, token);
  }

  parseChar(p: Parser, token: Token): Expr {
    const handler = this.charHandlers[token.value];
    if (handler) return handler(p, token);
    p.report(DiagnosticCode.parseUnexpectedToken, `The character "${token.value}" cannot start an operand.`, token.span);
    return { kind: 'opaque', status: 'unsupported', reason: `unexpected "${token.value}"`, span: token.span };
  }
}
