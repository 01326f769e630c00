import { OpenApiSchema, childSchema, isJsonObject } from './openapi-schema';

/**
 * Applies structural-schema defaults to `value` in place, the way the Kubernetes API server does
 * when it decodes a custom resource: every absent property whose schema has a `default` gets a
 * copy of that default, recursively (defaults inside defaults, array items and map values included).
 *
 * Only absent (undefined) fields are defaulted. An explicit `null` is left alone so that schema
 * validation reports it, because a generator should never emit one.
 */
export function applyDefaults(value: unknown, schema: OpenApiSchema | undefined): void {
  if (!schema || typeof value !== 'object' || value === null) return;
  if (Array.isArray(value)) {
    if (schema.items) for (const item of value) applyDefaults(item, schema.items);
    return;
  }
  if (!isJsonObject(value)) return;
  if (schema.properties) {
    for (const [key, property] of Object.entries(schema.properties)) {
      if (property.default !== undefined && value[key] === undefined) {
        value[key] = copyJson(property.default);
      }
    }
  }
  for (const key of Object.keys(value)) {
    applyDefaults(value[key], childSchema(schema, key));
  }
}


function copyJson(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(copyJson);
  if (isJsonObject(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, copyJson(v)]));
  return value;
}
