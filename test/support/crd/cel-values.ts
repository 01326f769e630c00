import { CelInput, CelValue, celList, celMap } from '@bufbuild/cel';
import { escapeCelProperty } from './cel-names';
import { OpenApiSchema, mapValueSchema } from './openapi-schema';

/**
 * Converts JSON values into CEL values the way Kubernetes types them from the structural schema:
 * `integer` (and the integer side of int-or-string) becomes CEL `int`, `number` becomes `double`,
 * declared properties are exposed under their escaped CEL names, map entries keep their keys.
 *
 * One converter is meant for one object: it caches conversions by node identity, so rules at
 * nested schema nodes reuse the values already converted for their children.
 */
export class CelValueConverter {
  private readonly cache = new WeakMap<object, CelValue>();

  /** The CEL value of `value`, typed by `schema` (undefined schema: types inferred from JSON). */
  public convert(value: unknown, schema: OpenApiSchema | undefined): CelInput {
    if (value === null || value === undefined) return null;
    switch (typeof value) {
      case 'number':
        return this.convertNumber(value, schema);
      case 'string':
      case 'boolean':
        return value;
      case 'object':
        return this.convertStructure(value, schema);
      default:
        throw new Error(`cannot convert a ${typeof value} to CEL`);
    }
  }

  private convertNumber(value: number, schema: OpenApiSchema | undefined): CelInput {
    if (schema?.type === 'number') return value;
    return Number.isSafeInteger(value) ? BigInt(value) : value;
  }

  private convertStructure(value: object, schema: OpenApiSchema | undefined): CelValue {
    const cached = this.cache.get(value);
    if (cached !== undefined) return cached;
    const converted = Array.isArray(value)
      ? celList(value.map((item: unknown) => this.convert(item, schema?.items)))
      : celMap(this.convertObject(value as Record<string, unknown>, schema));
    this.cache.set(value, converted);
    return converted;
  }

  private convertObject(value: Record<string, unknown>, schema: OpenApiSchema | undefined): Map<string, CelInput> {
    const entries = new Map<string, CelInput>();
    const extra = schema ? mapValueSchema(schema) : undefined;
    for (const [key, child] of Object.entries(value)) {
      const declared = schema?.properties?.[key];
      if (declared) {
        const name = escapeCelProperty(key);
        if (name !== undefined) entries.set(name, this.convert(child, declared));
      } else if (extra || !schema || schema['x-kubernetes-preserve-unknown-fields']) {
        entries.set(key, this.convert(child, extra));
      }
    }
    return entries;
  }
}
