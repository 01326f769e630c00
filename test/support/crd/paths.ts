/**
 * Field paths in the notation Kubernetes uses in validation errors:
 * `spec.http[0].timeout`, `metadata.labels[app.kubernetes.io/name]`. The root is the empty string.
 */

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$-]*$/;

/** The path of property `key` below `parent` (bracketed when `key` is not identifier-like). */
export function propertyPath(parent: string, key: string): string {
  if (!IDENTIFIER.test(key)) return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/** The path of map entry `key` below `parent` (always bracketed). */
export function mapKeyPath(parent: string, key: string): string {
  return `${parent}[${key}]`;
}

/** The path of list item `index` below `parent`. */
export function indexPath(parent: string, index: number): string {
  return `${parent}[${index}]`;
}

/** Converts a JSON pointer (`/spec/http/0/timeout`, as reported by ajv) into a field path. */
export function pointerToPath(pointer: string): string {
  if (!pointer) return '';
  let path = '';
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    path = /^\d+$/.test(segment) ? indexPath(path, Number(segment)) : propertyPath(path, segment);
  }
  return path;
}

/**
 * Appends a rule's `fieldPath` (a JSONPath relative to the rule's node, such as `.spec.foo` or
 * `.labels['a/b']`) to `base`.
 */
export function appendFieldPath(base: string, fieldPath: string): string {
  const relative = fieldPath.replace(/\['([^']*)'\]/g, '[$1]').replace(/^\./, '');
  if (!base) return relative;
  return relative.startsWith('[') ? base + relative : `${base}.${relative}`;
}
