import { CelEnv, CelInput, CelResult, isCelError, parse, plan } from '@bufbuild/cel';
import { CelExpr, analyzeRule } from './cel-check';
import { createKubernetesCelEnv } from './cel-env';
import { OpenApiSchema, ValidationRule } from './openapi-schema';

/** The outcome of evaluating one rule against one value. */
export type RuleOutcome =
  | { readonly passed: true }
  | { readonly passed: false; readonly message: string };

/** A `x-kubernetes-validations` rule ready to evaluate at its schema node. */
export interface CompiledRule {
  readonly source: ValidationRule;
  /** The rule uses `oldSelf` (a transition rule); it is never evaluated, as there is no old object. */
  readonly isTransition: boolean;
  /** Why the rule (or its messageExpression) could not be compiled; such a rule always fails. */
  readonly compileError?: string;
  /** Evaluates the rule with `self` bound to `self`. */
  evaluate(self: CelInput): RuleOutcome;
}

type Program = (bindings: { self: CelInput }) => CelResult;

const PASSED: RuleOutcome = { passed: true };

/**
 * Compiles CEL validation rules in the Kubernetes CEL environment. Parsing and planning are
 * cached per expression text; the schema-dependent checks run for every rule site.
 */
export class CelRuleCompiler {
  private readonly env: CelEnv = createKubernetesCelEnv();
  private readonly parsed = new Map<string, { expr: CelExpr; program: Program } | Error>();

  /** Compiles `rule`, declared on the schema node `schema`. Never throws. */
  public compile(rule: ValidationRule, schema: OpenApiSchema): CompiledRule {
    const main = this.compileExpression(rule.rule, schema);
    const message = rule.messageExpression === undefined ? undefined : this.compileExpression(rule.messageExpression, schema);
    const compileError = main.error ?? (message?.error && `messageExpression: ${message.error}`);
    const isTransition = main.usesOldSelf || !!message?.usesOldSelf;
    const failureMessage = (self: CelInput): string => this.failureMessage(rule, message?.program, self);
    return {
      source: rule,
      isTransition,
      compileError,
      evaluate: (self) => {
        if (isTransition) return PASSED;
        if (compileError !== undefined || !main.program) {
          return { passed: false, message: `rule could not be compiled: ${compileError}` };
        }
        const result = main.program({ self });
        if (result === true) return PASSED;
        if (result === false) return { passed: false, message: failureMessage(self) };
        if (isCelError(result)) return { passed: false, message: `rule evaluation error: ${result.message}` };
        return { passed: false, message: `rule evaluation error: rule returned ${typeof result} instead of bool` };
      },
    };
  }

  private compileExpression(text: string, schema: OpenApiSchema): { program?: Program; error?: string; usesOldSelf: boolean } {
    let entry = this.parsed.get(text);
    if (entry === undefined) {
      try {
        const parsed = parse(text);
        entry = { expr: parsed.expr, program: plan(this.env, parsed) as Program };
      } catch (e) {
        entry = e instanceof Error ? e : new Error(String(e));
      }
      this.parsed.set(text, entry);
    }
    if (entry instanceof Error) return { error: `syntax error: ${entry.message}`, usesOldSelf: false };
    const analysis = analyzeRule(entry.expr, schema, this.env);
    if (analysis.errors.length > 0) return { error: analysis.errors.join('; '), usesOldSelf: analysis.usesOldSelf };
    return { program: entry.program, usesOldSelf: analysis.usesOldSelf };
  }

  private failureMessage(rule: ValidationRule, messageProgram: Program | undefined, self: CelInput): string {
    if (messageProgram) {
      const text = messageProgram({ self });
      if (typeof text === 'string' && text.trim() !== '' && !text.includes('\n')) return text;
    }
    return rule.message ?? `failed rule: ${rule.rule}`;
  }
}
