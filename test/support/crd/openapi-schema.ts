/**
 * The subset of the OpenAPI v3 (structural) schema dialect that CustomResourceDefinitions use,
 * including the Kubernetes `x-kubernetes-*` extensions.
 */
export interface OpenApiSchema {
  readonly 'type'?: string;
  readonly 'format'?: string;
  readonly 'description'?: string;
  readonly 'nullable'?: boolean;
  readonly 'default'?: unknown;
  readonly 'enum'?: readonly unknown[];
  readonly 'properties'?: Readonly<Record<string, OpenApiSchema>>;
  readonly 'additionalProperties'?: OpenApiSchema | boolean;
  readonly 'items'?: OpenApiSchema;
  readonly 'required'?: readonly string[];
  readonly 'minimum'?: number;
  readonly 'maximum'?: number;
  readonly 'exclusiveMinimum'?: boolean;
  readonly 'exclusiveMaximum'?: boolean;
  readonly 'multipleOf'?: number;
  readonly 'minLength'?: number;
  readonly 'maxLength'?: number;
  readonly 'pattern'?: string;
  readonly 'minItems'?: number;
  readonly 'maxItems'?: number;
  readonly 'uniqueItems'?: boolean;
  readonly 'minProperties'?: number;
  readonly 'maxProperties'?: number;
  readonly 'anyOf'?: readonly OpenApiSchema[];
  readonly 'oneOf'?: readonly OpenApiSchema[];
  readonly 'allOf'?: readonly OpenApiSchema[];
  readonly 'not'?: OpenApiSchema;
  readonly 'x-kubernetes-int-or-string'?: boolean;
  readonly 'x-kubernetes-preserve-unknown-fields'?: boolean;
  readonly 'x-kubernetes-embedded-resource'?: boolean;
  readonly 'x-kubernetes-list-type'?: 'atomic' | 'set' | 'map';
  readonly 'x-kubernetes-list-map-keys'?: readonly string[];
  readonly 'x-kubernetes-map-type'?: 'atomic' | 'granular';
  readonly 'x-kubernetes-validations'?: readonly ValidationRule[];
}

/** One entry of `x-kubernetes-validations`: a CEL rule evaluated with `self` bound to the value at its schema node. */
export interface ValidationRule {
  readonly rule: string;
  readonly message?: string;
  readonly messageExpression?: string;
  readonly fieldPath?: string;
  readonly reason?: string;
  readonly optionalOldSelf?: boolean;
}

/**
 * The schema that applies to the values of a map-typed object (`additionalProperties`), or undefined
 * when the object has no such schema. `additionalProperties: true` means "any value".
 */
export function mapValueSchema(schema: OpenApiSchema): OpenApiSchema | undefined {
  const extra = schema.additionalProperties;
  if (extra === undefined || extra === false) return undefined;
  return extra === true ? {} : extra;
}

/** The schema of the value stored under `key` in an object described by `schema`, or undefined. */
export function childSchema(schema: OpenApiSchema, key: string): OpenApiSchema | undefined {
  return schema.properties?.[key] ?? mapValueSchema(schema);
}

/** True when a plain JSON object (not an array, not null). */
export function isJsonObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
