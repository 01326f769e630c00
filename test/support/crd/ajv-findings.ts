import type { ErrorObject } from 'ajv';
import { JsonSchema } from './ajv-schema';
import { FieldIssue } from './findings';
import { pointerToPath, propertyPath } from './paths';

/**
 * Turns ajv errors for `data` (validated against `schema`) into field issues with
 * Kubernetes-style messages. Errors from inside the branches of a failed `anyOf`/`oneOf` are
 * dropped; the failed junctor itself is reported once.
 */
export function ajvErrorsToIssues(errors: readonly ErrorObject[] | null | undefined, data: unknown, schema: JsonSchema): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const seen = new Set<string>();
  for (const error of errors ?? []) {
    if (isBranchError(error)) continue;
    const issue = toIssue(error, resolvePointer(data, error.instancePath), schema);
    const key = `${issue.path}\u0000${issue.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

/**
 * Whether the errors include a wrong type or an unsupported enum value. Like the API server, the
 * validator then skips CEL rules, which could only produce noise on such a value.
 */
export function hasBlockingError(errors: readonly ErrorObject[] | null | undefined): boolean {
  return (errors ?? []).some((e) => (e.keyword === 'type' || e.keyword === 'enum') && !isBranchError(e));
}

function isBranchError(error: ErrorObject): boolean {
  return /\/(anyOf|oneOf)\/\d+\//.test(error.schemaPath);
}

function toIssue(error: ErrorObject, value: unknown, schema: JsonSchema): FieldIssue {
  const path = pointerToPath(error.instancePath);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required':
      return schemaIssue(propertyPath(path, String(params.missingProperty)), 'Required value');
    case 'additionalProperties':
      return schemaIssue(propertyPath(path, String(params.additionalProperty)), 'field not declared in schema');
    default:
      return schemaIssue(path, describe(error, value, schema));
  }
}

function describe(error: ErrorObject, data: unknown, schema: JsonSchema): string {
  const params = error.params as Record<string, unknown>;
  const value = show(data);
  switch (error.keyword) {
    case 'type':
      return `Invalid value: ${value}: must be of type ${String(params.type).replace(/,/g, ' or ')}`;
    case 'enum':
      return `Unsupported value: ${value}: supported values: ${(params.allowedValues as unknown[]).map(show).join(', ')}`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `Invalid value: ${value}: must be ${String(params.comparison)} ${String(params.limit)}`;
    case 'minLength':
      return `Invalid value: ${value}: must be at least ${String(params.limit)} characters long`;
    case 'maxLength':
      return `Too long: may not be more than ${String(params.limit)} characters`;
    case 'minItems':
      return `Invalid value: ${String((data as unknown[]).length)} items: must have at least ${String(params.limit)} items`;
    case 'maxItems':
      return `Too many: ${String((data as unknown[]).length)}: must have at most ${String(params.limit)} items`;
    case 'minProperties':
      return `must have at least ${String(params.limit)} properties`;
    case 'maxProperties':
      return `Too many: must have at most ${String(params.limit)} properties`;
    case 'pattern':
      return `Invalid value: ${value}: must match pattern ${String(params.pattern)}`;
    case 'format':
      return `Invalid value: ${value}: must be a valid ${String(params.format)}`;
    case 'uniqueItems':
      return `Duplicate value: items ${String(params.j)} and ${String(params.i)} are identical`;
    case 'oneOf':
      return oneOfMessage(data, resolvePointer(schema, error.schemaPath.replace(/^#/, '')));
    case 'anyOf':
      return `Invalid value: ${value}: must match at least one schema in anyOf`;
    case 'not':
      return `Invalid value: ${value}: must not match the schema in not`;
    default:
      return `Invalid value: ${value}: failed ${error.keyword} validation`;
  }
}

/**
 * Istio expresses "at most one of these fields" as a `oneOf` whose branches each require one field
 * (plus a branch requiring none of them); name those fields rather than the schema mechanics.
 */
function oneOfMessage(data: unknown, branches: unknown): string {
  const fields = (Array.isArray(branches) ? branches : []).flatMap((b) => (Array.isArray(b?.required) ? b.required as string[] : []));
  if (fields.length > 1) return `Invalid value: only one of ${fields.join(', ')} may be set`;
  return `Invalid value: ${show(data)}: must match exactly one schema in oneOf`;
}

/** The value at JSON pointer `pointer` in `root`, or undefined. */
function resolvePointer(root: unknown, pointer: string): unknown {
  let current = root;
  for (const raw of pointer.split('/').slice(1)) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return current;
}

function schemaIssue(path: string, message: string): FieldIssue {
  return { path, message, source: 'schema' };
}

/** A short JSON rendering of a value for messages. */
export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
