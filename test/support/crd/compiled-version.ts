import type Ajv from 'ajv';
import type { ValidateFunction } from 'ajv';
import { ajvErrorsToIssues, hasBlockingError } from './ajv-findings';
import { compileSchema } from './ajv-instance';
import { ConversionNotes, JsonSchema, toAjvSchema } from './ajv-schema';
import { CelRuleCompiler } from './cel-rules';
import { CelValueConverter } from './cel-values';
import { CrdVersion } from './crd-loader';
import { applyDefaults } from './defaults';
import { DiskCache } from './disk-cache';
import { FieldIssue } from './findings';
import { OpenApiSchema } from './openapi-schema';
import { CheckNode, RuleSite, buildCheckTree, runChecks } from './schema-checks';

/** The message the API server adds when it skips CEL rules because of type or enum errors. */
export const RULES_SKIPPED_MESSAGE = 'some validation rules were not checked because the object was invalid; correct the existing errors to complete validation';

/** Shared compilation machinery for all versions of all CRDs of one validator. */
export interface CompileContext {
  readonly ajv: Ajv;
  readonly rules: CelRuleCompiler;
  readonly notes: ConversionNotes;
  /** Where generated validator code is cached, if anywhere. */
  readonly cache?: DiskCache;
}

/**
 * One CRD version, compiled once: its ajv validator, its tree of CEL rules and list types, and its
 * defaulting schema.
 */
export class CompiledVersion {
  /** Every CEL rule of this version, with its schema location. */
  public readonly ruleSites: readonly RuleSite[];
  /** Milliseconds spent compiling this version. */
  public readonly compileMs: number;
  private readonly jsonSchema: JsonSchema;
  private readonly validateSchema: ValidateFunction;
  private readonly checks?: CheckNode;
  private readonly defaultingSchema: OpenApiSchema;

  constructor(public readonly crd: CrdVersion, context: CompileContext) {
    const started = performance.now();
    this.jsonSchema = toAjvSchema(crd.schema, context.notes);
    this.validateSchema = compileSchema(context.ajv, this.jsonSchema, context.cache);
    const sites: RuleSite[] = [];
    this.checks = buildCheckTree(crd.schema, context.rules, sites);
    this.ruleSites = sites;
    this.defaultingSchema = withoutStatusDefault(crd.schema);
    this.compileMs = performance.now() - started;
  }

  /** A copy of `obj` (normalised through JSON) with the schema's defaults applied. */
  public withDefaults(obj: unknown): Record<string, unknown> {
    const copy = JSON.parse(JSON.stringify(obj)) as Record<string, unknown>;
    applyDefaults(copy, this.defaultingSchema);
    return copy;
  }

  /** Defaults, then validates `obj` against the schema, list types and CEL rules. */
  public validate(obj: unknown): FieldIssue[] {
    const defaulted = this.withDefaults(obj);
    const errors = this.validateSchema(defaulted) ? [] : this.validateSchema.errors;
    const issues = ajvErrorsToIssues(errors, defaulted, this.jsonSchema);
    const blocked = hasBlockingError(errors);
    if (this.checks) {
      runChecks(defaulted, this.checks, '', { cel: !blocked, converter: new CelValueConverter(), issues });
    }
    if (blocked && this.ruleSites.length > 0) issues.push({ path: '', message: RULES_SKIPPED_MESSAGE, source: 'cel' });
    return issues;
  }
}

/**
 * The API server drops `status` from objects created through the main resource (status is a
 * subresource), so a default for `status` itself is never part of what is validated on create.
 */
function withoutStatusDefault(schema: OpenApiSchema): OpenApiSchema {
  const status = schema.properties?.status;
  if (!status || status.default === undefined) return schema;
  const { default: _ignored, ...rest } = status;
  return { ...schema, properties: { ...schema.properties, status: rest } };
}
