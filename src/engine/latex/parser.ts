import { type Diagnostic, DiagnosticCode, diagnostic } from '../diagnostics.js';
import { type Span, joinSpans } from '../span.js';
import type { Claim, Connective, Expr, FormulaTree, Relation } from './ast.js';
import type { CommandRegistry } from './commands/registry.js';
import { parsePostfix } from './postfix.js';
import { prefilterTokens } from './prefilter.js';
import { type Token, latexToTokens } from './tokens.js';

/** Guards against pathological input: nesting depth and token count. */
export const MAX_PARSE_DEPTH = 64;
export const MAX_TOKENS = 4000;

/** Binding strengths of infix operators (higher binds tighter). */
export const Precedence = { sum: 10, kron: 20, product: 30, unary: 30, implicit: 30 } as const;

/** Infix operators written as characters or commands. */
const INFIX: Record<string, { op: string; prec: number }> = {
  '+': { op: 'add', prec: Precedence.sum },
  '-': { op: 'sub', prec: Precedence.sum },
  '\\pm': { op: 'add', prec: Precedence.sum },
  '\\otimes': { op: 'kron', prec: Precedence.kron },
  '\\odot': { op: 'hadamard', prec: Precedence.kron },
  '\\circ': { op: 'hadamard', prec: Precedence.kron },
  '\\cdot': { op: 'mul', prec: Precedence.product },
  '\\times': { op: 'mul', prec: Precedence.product },
  '*': { op: 'mul', prec: Precedence.product },
  '/': { op: 'div', prec: Precedence.product },
};

/** Relations between items of a claim and connectives between claims. */
const RELATIONS: Record<string, Relation | Connective> = {
  '=': '=', '\\equiv': '=', '\\in': 'in',
  '\\iff': 'iff', '\\Leftrightarrow': 'iff', '\\Longleftrightarrow': 'iff', '\\leftrightarrow': 'iff',
  '\\implies': 'implies', '\\Rightarrow': 'implies', '\\Longrightarrow': 'implies',
  '\\ne': 'other', '\\neq': 'other', '\\approx': 'other', '\\le': 'other', '\\leq': 'other', '\\ge': 'other',
  '\\geq': 'other', '\\sim': 'other', '\\to': 'other', '\\rightarrow': 'other', '\\mapsto': 'other',
  '<': 'other', '>': 'other', ':': 'other', '\\propto': 'other', '\\coloneqq': '=', '\\triangleq': '=',
};

/** Options of one parse. */
export interface ParseOptions {
  /** Names the context knows as functions (so `D(Wx)` is a call, not a product). */
  functionNames?: ReadonlySet<string>;
  /** Names the context knows as plain symbols (so `H(X)` is not a Hessian). */
  symbolNames?: ReadonlySet<string>;
  /** Let `\odot`/`\circ` bind tighter than juxtaposition (`a\odot e b^T` = `(a\odot e)b^T`). */
  tightHadamard?: boolean;
}

/** Precedence of a Hadamard product when it binds tighter than juxtaposition. */
const TIGHT_HADAMARD = Precedence.product + 5;

/** The generic recursive-descent parser; commands plug in through the registry. */
export class Parser {
  readonly tokens: Token[];
  readonly diagnostics: Diagnostic[] = [];
  pos = 0;
  private depth = 0;
  /** Closing delimiters currently open, innermost last (`|` for bare absolute values). */
  readonly closers: string[] = [];

  constructor(
    readonly source: string,
    readonly commands: CommandRegistry,
    readonly options: ParseOptions = {},
  ) {
    this.tokens = prefilterTokens(latexToTokens(source));
  }

  peek(offset = 0): Token {
    return this.tokens[Math.min(this.pos + offset, this.tokens.length - 1)];
  }

  next(): Token {
    const t = this.peek();
    if (this.pos < this.tokens.length - 1) this.pos++;
    return t;
  }

  /** Is the current token the character or command `key` (commands written with a backslash)? */
  at(key: string, offset = 0): boolean {
    return keyOf(this.peek(offset)) === key;
  }

  eat(key: string): Token | null {
    return this.at(key) ? this.next() : null;
  }

  report(code: Diagnostic['code'], message: string, span: Span, severity: Diagnostic['severity'] = 'error'): void {
    this.diagnostics.push(diagnostic(code, message, span, severity));
  }

  opaque(status: 'not-checkable' | 'unsupported', reason: string, span: Span): Expr {
    return { kind: 'opaque', status, reason, span };
  }

  /** Expect a closing key; report when missing, without consuming anything else. */
  expect(key: string, open: Span): Span {
    const t = this.eat(key);
    if (t) return t.span;
    this.report(DiagnosticCode.parseUnbalanced, `A "${key}" is missing to close the group opened here.`, open);
    return { start: this.peek().span.start, end: this.peek().span.start };
  }

  /** Run `fn` one level deeper, turning runaway nesting into a diagnostic. */
  nested(span: Span, fn: () => Expr): Expr {
    if (this.depth >= MAX_PARSE_DEPTH) {
      this.report(DiagnosticCode.parseTooDeep, `The formula nests deeper than ${MAX_PARSE_DEPTH} levels.`, span);
      this.pos = this.tokens.length - 1;
      return this.opaque('unsupported', 'nesting too deep', span);
    }
    this.depth++;
    try {
      return fn();
    } finally {
      this.depth--;
    }
  }

  /** Does the current token end the expression being parsed? */
  atTerminator(): boolean {
    const t = this.peek();
    const key = keyOf(t);
    if (t.type === 'eof' || key === '\\\\' || key === ',' || key === ';' || key in RELATIONS) return true;
    if ([')', ']', '}', '\\}', '\\rvert', '\\rVert', '\\rangle', '\\end', '\\right'].includes(key)) return true;
    if (key === '|' && this.closers.at(-1) === '|') return true;
    if (key === '\\|' && this.closers.at(-1) === '\\|') return true;
    return false;
  }

  /** Parse `term (op term)*` by precedence climbing; juxtaposition is multiplication. */
  parseExpr(minPrec = 0): Expr {
    const start = this.peek().span;
    return this.nested(start, () => {
      let left = this.parseUnary();
      for (;;) {
        if (this.atTerminator()) break;
        const t = this.peek();
        const table = INFIX[keyOf(t)];
        const infix = table && this.options.tightHadamard && table.op === 'hadamard' ? { ...table, prec: TIGHT_HADAMARD } : table;
        if (infix) {
          if (infix.prec < minPrec) break;
          this.next();
          const right = this.atTerminator() ? this.missing(t.span) : this.parseExpr(infix.prec + 1);
          left = { kind: 'op', op: infix.op, args: [left, right], span: joinSpans(left.span, right.span) };
          continue;
        }
        if (Precedence.implicit < minPrec) break;
        const before = this.pos;
        const right = this.parseExpr(Precedence.implicit + 1);
        if (this.pos === before) {
          this.skipUnexpected();
          continue;
        }
        if (right.kind === 'op' && right.op === 'dimnote') {
          left = { kind: 'op', op: 'shaped', args: [left], dims: right.dims, span: joinSpans(left.span, right.span) };
          continue;
        }
        left = { kind: 'op', op: 'mul', args: [left, right], span: joinSpans(left.span, right.span) };
      }
      return left;
    });
  }

  private missing(span: Span): Expr {
    this.report(DiagnosticCode.parseMissingArgument, 'An operator has no right-hand operand.', span);
    return this.opaque('unsupported', 'missing operand', span);
  }

  /** Report and drop a token that cannot start or continue an expression. */
  skipUnexpected(): void {
    const t = this.next();
    this.report(DiagnosticCode.parseUnexpectedToken, `The token "${t.value}" cannot appear here.`, t.span);
  }

  /** Unary minus/plus, then a factor. */
  parseUnary(): Expr {
    const t = this.peek();
    if (this.at('-') || this.at('+')) {
      this.next();
      const operand = this.atTerminator() ? this.missing(t.span) : this.parseExpr(Precedence.unary);
      if (t.value === '+') return operand;
      return { kind: 'op', op: 'neg', args: [operand], span: joinSpans(t.span, operand.span) };
    }
    return this.parseFactor();
  }

  /** One atom with its postfix operators (`^T`, `^{-1}`, `_1`, `'`, `(args)`). */
  parseFactor(): Expr {
    if (this.atTerminator()) return this.missing(this.peek().span);
    const atom = this.parseAtom();
    return parsePostfix(this, atom);
  }

  /** A single atom: letter, number, group, or a registered command. */
  parseAtom(): Expr {
    const t = this.next();
    if (t.type === 'letter') return this.commands.parseLetter(this, t);
    if (t.type === 'number') return { kind: 'number', value: t.value, span: t.span };
    if (t.type === 'text') return this.opaque('not-checkable', `prose "${t.value}" inside the formula`, t.span);
    if (t.type === 'command') return this.commands.parseCommand(this, t);
    if (t.type === 'char') return this.commands.parseChar(this, t);
    this.report(DiagnosticCode.parseUnexpectedToken, 'The formula ends where an operand was expected.', t.span);
    return this.opaque('unsupported', 'unexpected end', t.span);
  }

  /** Parse `{...}` (or one token) as an expression; used by `\frac` and friends. */
  parseArgument(): Expr {
    const open = this.peek();
    if (!this.at('{')) return this.parseFactor();
    this.next();
    this.closers.push('}');
    const inner = this.at('}') ? this.opaque('unsupported', 'empty group', open.span) : this.parseSequenceAsExpr();
    this.closers.pop();
    const close = this.expect('}', open.span);
    return { ...inner, span: { start: open.span.start, end: close.end } } as Expr;
  }

  /** Parse an expression that may contain stray tokens until the current closer. */
  parseSequenceAsExpr(): Expr {
    const expr = this.parseExpr();
    while (!this.isCloserAhead() && this.peek().type !== 'eof') {
      this.skipUnexpected();
    }
    return expr;
  }

  private isCloserAhead(): boolean {
    const closer = this.closers.at(-1);
    return closer !== undefined && this.at(closer);
  }

  /** Parse the whole formula: rows split at `\\`, claims split at connectives and commas. */
  parseFormula(): FormulaTree {
    if (this.tokens.length > MAX_TOKENS) {
      this.report(DiagnosticCode.parseTooLong, `The formula has more than ${MAX_TOKENS} tokens.`, {
        start: 0,
        end: this.source.length,
      });
      return { claims: [] };
    }
    const claims: Claim[] = [];
    let current: Claim | null = null;
    let pendingConnective: Connective = 'and';
    while (this.peek().type !== 'eof') {
      const t = this.peek();
      const key = keyOf(t);
      if (key === '\\\\' || key === ',' || key === ';') {
        this.next();
        // A row that ends with a relation (`a = \\ b`) or starts with one (`a \\ = b`) continues the claim.
        const dangling = current !== null && current.items.length === current.relations.length;
        if (key !== '\\\\' || !(this.rowContinues() || dangling)) current = null;
        pendingConnective = 'and';
        continue;
      }
      const rel = RELATIONS[key];
      if (rel !== undefined) {
        this.next();
        if (rel === 'iff' || rel === 'implies') {
          pendingConnective = rel;
          current = null;
          continue;
        }
        if (!current) current = this.startClaim(claims, pendingConnective, t.span, undefined);
        current.relations.push({ relation: rel as Relation, span: t.span });
        continue;
      }
      const before = this.pos;
      const expr = this.parseExpr();
      if (this.pos === before) {
        this.skipUnexpected();
        continue;
      }
      if (current && current.items.length === current.relations.length) {
        current.items.push(expr);
        current.span = joinSpans(current.span, expr.span);
      } else {
        current = this.startClaim(claims, pendingConnective, expr.span, expr);
        pendingConnective = 'and';
      }
    }
    return { claims: claims.filter((c) => c.items.length > 0).map(withoutLabel) };
  }

  /** After `\\`, a row that starts with a relation continues the previous claim. */
  private rowContinues(): boolean {
    const key = keyOf(this.peek());
    return key in RELATIONS;
  }

  private startClaim(claims: Claim[], connective: Connective, span: Span, first: Expr | undefined): Claim {
    const claim: Claim = { items: first ? [first] : [], relations: [], connective, span };
    claims.push(claim);
    return claim;
  }
}

/** `\text{左边} = \mathrm{d}f = …`: a word before the first `=` of a claim names it; the claim starts after it. */
function withoutLabel(claim: Claim): Claim {
  const [first, ...rest] = claim.items;
  const labelled = first?.kind === 'opaque' && first.reason.startsWith('prose') && rest.length > 0 && claim.relations[0]?.relation === '=';
  return labelled ? { ...claim, items: rest, relations: claim.relations.slice(1) } : claim;
}

/** The lookup key of a token: characters as themselves, commands with their backslash. */
export function keyOf(t: Token): string {
  return t.type === 'command' ? `\\${t.value}` : t.value;
}

/** Parse one LaTeX formula into a semantic tree; never throws for bad input. */
export function latexToTree(
  source: string,
  commands: CommandRegistry,
  options: ParseOptions = {},
): { tree: FormulaTree; diagnostics: Diagnostic[] } {
  const parser = new Parser(source, commands, options);
  const tree = parser.parseFormula();
  return { tree, diagnostics: parser.diagnostics };
}
