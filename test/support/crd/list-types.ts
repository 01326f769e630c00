import { show } from './ajv-findings';
import { FieldIssue } from './findings';
import { OpenApiSchema, isJsonObject } from './openapi-schema';
import { indexPath } from './paths';

/**
 * Uniqueness of `x-kubernetes-list-type: set` items and of `x-kubernetes-list-type: map` keys
 * (`x-kubernetes-list-map-keys`), reported like the API server: `Duplicate value` at the later item.
 */
export function listTypeIssues(list: readonly unknown[], schema: OpenApiSchema, path: string): FieldIssue[] {
  const listType = schema['x-kubernetes-list-type'];
  if (listType !== 'set' && listType !== 'map') return [];
  const keyNames = schema['x-kubernetes-list-map-keys'] ?? [];
  const seen = new Set<string>();
  const issues: FieldIssue[] = [];
  list.forEach((item, index) => {
    const identity = listType === 'set' ? item : mapKeysOf(item, keyNames);
    const key = canonicalJson(identity);
    if (seen.has(key)) {
      issues.push({ path: indexPath(path, index), message: `Duplicate value: ${show(identity)}`, source: 'list-type' });
    }
    seen.add(key);
  });
  return issues;
}

function mapKeysOf(item: unknown, keyNames: readonly string[]): Record<string, unknown> {
  const keys: Record<string, unknown> = {};
  if (!isJsonObject(item)) return keys;
  for (const name of keyNames) {
    if (item[name] !== undefined) keys[name] = item[name];
  }
  return keys;
}

/** JSON with object keys sorted, so that equal values have equal text. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (isJsonObject(value)) {
    const entries = Object.keys(value).sort().map((k) => `${JSON.stringify(k)}:${canonicalJson(value[k])}`);
    return `{${entries.join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}
