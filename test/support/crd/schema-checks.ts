import { CelRuleCompiler, CompiledRule } from './cel-rules';
import { CelValueConverter } from './cel-values';
import { FieldIssue } from './findings';
import { listTypeIssues } from './list-types';
import { OpenApiSchema, isJsonObject, mapValueSchema } from './openapi-schema';
import { appendFieldPath, indexPath, mapKeyPath, propertyPath } from './paths';

/**
 * The parts of a schema tree that carry checks ajv cannot do: CEL rules and list-type uniqueness.
 * Subtrees without such checks are left out, so walking an object only visits what matters.
 */
export interface CheckNode {
  readonly schema: OpenApiSchema;
  readonly rules: readonly CompiledRule[];
  readonly properties?: ReadonlyMap<string, CheckNode>;
  readonly mapValues?: CheckNode;
  readonly items?: CheckNode;
}

/** A CEL rule together with where it is declared, for inventories. */
export interface RuleSite {
  /** Schema location, e.g. `spec.rules[*].filters`. */
  readonly schemaPath: string;
  readonly rule: CompiledRule;
}

/**
 * Builds the check tree of `schema` (undefined when nothing below it needs checking), compiling
 * every rule with `compiler` and recording it in `sites`.
 */
export function buildCheckTree(
  schema: OpenApiSchema,
  compiler: CelRuleCompiler,
  sites: RuleSite[],
  schemaPath = '',
): CheckNode | undefined {
  const rules = (schema['x-kubernetes-validations'] ?? []).map((r) => compiler.compile(r, schema));
  rules.forEach((rule) => sites.push({ schemaPath, rule }));
  const properties = new Map<string, CheckNode>();
  for (const [key, child] of Object.entries(schema.properties ?? {})) {
    const node = buildCheckTree(child, compiler, sites, propertyPath(schemaPath, key));
    if (node) properties.set(key, node);
  }
  const values = mapValueSchema(schema);
  const mapValues = values && buildCheckTree(values, compiler, sites, mapKeyPath(schemaPath, '*'));
  const items = schema.items && buildCheckTree(schema.items, compiler, sites, `${schemaPath}[*]`);
  const hasListType = schema['x-kubernetes-list-type'] === 'set' || schema['x-kubernetes-list-type'] === 'map';
  if (rules.length === 0 && properties.size === 0 && !mapValues && !items && !hasListType) return undefined;
  return {
    schema,
    rules,
    properties: properties.size > 0 ? properties : undefined,
    mapValues,
    items,
  };
}

/** What one walk of {@link runChecks} does and where it reports. */
export interface CheckRun {
  /** Evaluate CEL rules (false: list-type checks only). */
  readonly cel: boolean;
  /** Converter for this object. */
  readonly converter: CelValueConverter;
  /** Problems found are appended here. */
  readonly issues: FieldIssue[];
}

/**
 * Runs the checks of `node` against `value` (already defaulted), top down: the rules of a node
 * before those of its children.
 */
export function runChecks(value: unknown, node: CheckNode, path: string, run: CheckRun): void {
  if (value === null || value === undefined) return;
  const { converter, issues } = run;
  if (run.cel && node.rules.length > 0) {
    const self = converter.convert(value, node.schema);
    for (const rule of node.rules) {
      const outcome = rule.evaluate(self);
      if (outcome.passed) continue;
      const fieldPath = rule.source.fieldPath ? appendFieldPath(path, rule.source.fieldPath) : path;
      issues.push({ path: fieldPath, message: outcome.message, rule: rule.source.rule, source: 'cel' });
    }
  }
  if (Array.isArray(value)) {
    issues.push(...listTypeIssues(value, node.schema, path));
    const items = node.items;
    if (items) value.forEach((item, i) => runChecks(item, items, indexPath(path, i), run));
  } else if (isJsonObject(value)) {
    for (const [key, child] of Object.entries(value)) {
      const childNode = node.properties?.get(key);
      if (childNode) runChecks(child, childNode, propertyPath(path, key), run);
      else if (node.mapValues && !node.schema.properties?.[key]) runChecks(child, node.mapValues, mapKeyPath(path, key), run);
    }
  }
}
