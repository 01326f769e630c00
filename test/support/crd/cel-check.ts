import { CelEnv, parse } from '@bufbuild/cel';
import { escapeCelProperty } from './cel-names';
import { compileRe2 } from './cel-regex';
import { OpenApiSchema, mapValueSchema } from './openapi-schema';

/** A parsed CEL expression. */
export type CelExpr = NonNullable<ReturnType<typeof parse>['expr']>;

/** What static analysis of a rule found. */
export interface RuleAnalysis {
  /** Problems the Kubernetes CEL type checker would reject the rule for (as far as we can tell). */
  readonly errors: readonly string[];
  /** The rule references `oldSelf`, i.e. it is a transition rule. */
  readonly usesOldSelf: boolean;
}

const INT_SCHEMA: OpenApiSchema = { type: 'integer' };
const STRING_SCHEMA: OpenApiSchema = { type: 'string' };

/** A variable's schema; undefined when the type is not described by a schema (dyn). */
type Scope = ReadonlyMap<string, OpenApiSchema | undefined>;

/**
 * A light version of the type checking Kubernetes does when a CRD is created, so that a rule our
 * engine cannot run is reported at compile time rather than passing silently:
 *
 * - every function and method must exist in `env` with a matching arity;
 * - every field selected from a schema-typed value must be declared (under its escaped name);
 * - every identifier must be a declared variable or comprehension variable;
 * - constant `matches()` patterns must be supported by the regex translation.
 */
export function analyzeRule(expr: CelExpr, selfSchema: OpenApiSchema, env: CelEnv): RuleAnalysis {
  const analyzer = new Analyzer(env);
  analyzer.typeOf(expr, new Map([['self', selfSchema], ['oldSelf', selfSchema]]));
  return { errors: analyzer.errors, usesOldSelf: analyzer.usesOldSelf };
}

class Analyzer {
  public readonly errors: string[] = [];
  public usesOldSelf = false;

  constructor(private readonly env: CelEnv) {}

  /** Checks `expr` and returns the schema of its value, when known. */
  public typeOf(expr: CelExpr | undefined, scope: Scope): OpenApiSchema | undefined {
    const kind = expr?.exprKind;
    switch (kind?.case) {
      case 'identExpr':
        return this.ident(kind.value.name, scope);
      case 'selectExpr':
        return this.select(this.typeOf(kind.value.operand, scope), kind.value.field);
      case 'callExpr':
        return this.call(kind.value.function, kind.value.target, kind.value.args, scope);
      case 'listExpr':
        kind.value.elements.forEach((e) => this.typeOf(e, scope));
        return undefined;
      case 'structExpr':
        if (kind.value.messageName) this.errors.push(`message construction ${kind.value.messageName}{} is not supported`);
        for (const entry of kind.value.entries) {
          if (entry.keyKind.case === 'mapKey') this.typeOf(entry.keyKind.value, scope);
          this.typeOf(entry.value, scope);
        }
        return undefined;
      case 'comprehensionExpr':
        return this.comprehension(kind.value, scope);
      default:
        return undefined;
    }
  }

  private ident(name: string, scope: Scope): OpenApiSchema | undefined {
    if (name === 'oldSelf') this.usesOldSelf = true;
    if (!scope.has(name)) this.errors.push(`undeclared reference to '${name}'`);
    return scope.get(name);
  }

  private select(operand: OpenApiSchema | undefined, field: string): OpenApiSchema | undefined {
    if (!operand) return undefined;
    if (operand.properties) {
      const key = Object.keys(operand.properties).find((k) => escapeCelProperty(k) === field);
      if (key !== undefined) return operand.properties[key];
    }
    const values = mapValueSchema(operand);
    if (values) return values;
    if (!operand['x-kubernetes-preserve-unknown-fields']) this.errors.push(`undefined field '${field}'`);
    return undefined;
  }

  private call(name: string, target: CelExpr | undefined, args: readonly CelExpr[], scope: Scope): OpenApiSchema | undefined {
    this.typeOf(target, scope);
    const argSchemas = args.map((a) => this.typeOf(a, scope));
    if (name === '_[_]') return elementSchema(argSchemas[0]);
    if (/^[_@!-]/.test(name)) return undefined;
    const overloads = [...this.env.funcs.find(name) ?? []];
    if (overloads.length === 0) {
      this.errors.push(`undeclared reference to function '${name}'`);
    } else if (!overloads.some((f) => (f.target !== undefined) === (target !== undefined) && f.arguments.length === args.length)) {
      this.errors.push(`found no matching overload for '${name}' ${target ? 'as a method' : 'as a function'} with ${args.length} argument(s)`);
    }
    if (name === 'matches') this.checkPattern(args[0]);
    return undefined;
  }

  private checkPattern(pattern: CelExpr | undefined): void {
    const constant = pattern?.exprKind.case === 'constExpr' ? pattern.exprKind.value.constantKind : undefined;
    if (constant?.case !== 'stringValue') return;
    try {
      compileRe2(constant.value);
    } catch (e) {
      this.errors.push((e as Error).message);
    }
  }

  private comprehension(c: Extract<CelExpr['exprKind'], { case: 'comprehensionExpr' }>['value'], scope: Scope): undefined {
    const range = this.typeOf(c.iterRange, scope);
    const isList = range?.type === 'array';
    const inner = new Map(scope);
    inner.set(c.accuVar, undefined);
    if (c.iterVar2) {
      // two-variable form: (index, item) for lists, (key, value) for maps
      inner.set(c.iterVar, range && (isList ? INT_SCHEMA : STRING_SCHEMA));
      inner.set(c.iterVar2, elementSchema(range));
    } else {
      inner.set(c.iterVar, isList ? range.items : range && STRING_SCHEMA);
    }
    this.typeOf(c.accuInit, scope);
    this.typeOf(c.loopCondition, inner);
    this.typeOf(c.loopStep, inner);
    this.typeOf(c.result, inner);
    return undefined;
  }
}

/** The schema of `x[i]`: list items or map values. */
function elementSchema(container: OpenApiSchema | undefined): OpenApiSchema | undefined {
  if (!container) return undefined;
  return container.type === 'array' ? container.items : mapValueSchema(container);
}
