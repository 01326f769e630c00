/**
 * A rendered spec without its `undefined` fields, in plain objects and arrays (copied, never
 * changed in place; other values as they are). The renderers write every optional field, mostly
 * `undefined`; cdk8s drops them only after resolving each one (a walk up the construct tree per
 * value), so dropping them first makes synthesis cheaper without changing its output.
 */
export function compact<T>(value: T): T {
  if (Array.isArray(value)) return value.map(compact) as T;
  if (value !== null && typeof value === 'object' && (value as object).constructor === Object) {
    const object = value as { [key: string]: unknown };
    const result: { [key: string]: unknown } = {};
    for (const key of Object.keys(object)) {
      const field = object[key];
      if (field !== undefined) result[key] = compact(field);
    }
    return result as T;
  }
  return value;
}
