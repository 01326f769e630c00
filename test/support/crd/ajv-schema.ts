import { KUBERNETES_STRING_FORMATS } from './formats';
import { OBJECT_META_JSON_SCHEMA } from './object-meta';
import { OpenApiSchema } from './openapi-schema';

/** A JSON schema in the dialect ajv compiles (draft-07). */
export type JsonSchema = Record<string, unknown>;

/** Keywords copied verbatim from OpenAPI v3 to JSON schema. */
const COPIED_KEYWORDS = [
  'enum', 'required', 'minimum', 'maximum', 'multipleOf', 'minLength', 'maxLength', 'pattern',
  'minItems', 'maxItems', 'uniqueItems', 'minProperties', 'maxProperties',
] as const;

/** Facts gathered while converting schemas, for reporting. */
export interface ConversionNotes {
  /** Formats present in the CRDs that Kubernetes (and therefore this validator) does not check. */
  readonly ignoredFormats: Set<string>;
}

/**
 * Converts the `openAPIV3Schema` of a CRD version into a JSON schema that ajv validates with
 * Kubernetes structural-schema semantics:
 *
 * - `nullable: true` admits `null`;
 * - `x-kubernetes-int-or-string` admits integers and strings;
 * - objects are closed (unknown fields are errors, where the API server would silently prune them)
 *   unless `x-kubernetes-preserve-unknown-fields` is set;
 * - the root, and every `x-kubernetes-embedded-resource`, gets `apiVersion`, `kind` and ObjectMeta
 *   `metadata`;
 * - OpenAPI's boolean `exclusiveMinimum`/`exclusiveMaximum` become draft-07 numbers;
 * - only formats Kubernetes validates are kept; `default`, descriptions and `x-kubernetes-*`
 *   extensions are dropped (defaults, CEL rules and list types are handled outside ajv).
 */
export function toAjvSchema(root: OpenApiSchema, notes: ConversionNotes): JsonSchema {
  return convert(root, notes, { embedded: true, inJunctor: false });
}

interface Position {
  /** The node holds a whole Kubernetes object (root or embedded resource). */
  readonly embedded: boolean;
  /** The node is inside anyOf/oneOf/allOf/not, where schemas only add value validations. */
  readonly inJunctor: boolean;
}

function convert(schema: OpenApiSchema, notes: ConversionNotes, at: Position): JsonSchema {
  const out: JsonSchema = {};
  for (const keyword of COPIED_KEYWORDS) {
    if (schema[keyword] !== undefined) out[keyword] = schema[keyword];
  }
  convertNumericBounds(schema, out);
  convertType(schema, out);
  if (schema.format !== undefined) {
    if (schema.format in KUBERNETES_STRING_FORMATS) out.format = schema.format;
    else notes.ignoredFormats.add(schema.format);
  }
  const child: Position = { embedded: false, inJunctor: at.inJunctor };
  if (schema.items) out.items = convert(schema.items, notes, child);
  if (schema.properties || at.embedded) {
    const properties: Record<string, JsonSchema> = {};
    for (const [key, value] of Object.entries(schema.properties ?? {})) {
      properties[key] = convert(value, notes, { embedded: !!value['x-kubernetes-embedded-resource'], inJunctor: at.inJunctor });
    }
    if (at.embedded) addObjectHeader(properties);
    out.properties = properties;
  }
  const extra = schema.additionalProperties;
  if (typeof extra === 'object') out.additionalProperties = convert(extra, notes, child);
  else if (typeof extra === 'boolean') out.additionalProperties = extra;
  else if (isClosedObject(schema, at)) out.additionalProperties = false;
  const junctor: Position = { embedded: false, inJunctor: true };
  for (const keyword of ['anyOf', 'oneOf', 'allOf'] as const) {
    const branches = schema[keyword];
    if (branches && !(keyword === 'anyOf' && isIntOrStringAnyOf(schema))) {
      out[keyword] = branches.map((b) => convert(b, notes, junctor));
    }
  }
  if (schema.not) out.not = convert(schema.not, notes, junctor);
  return out;
}

function convertType(schema: OpenApiSchema, out: JsonSchema): void {
  let types: string[] = [];
  if (schema['x-kubernetes-int-or-string']) types = ['integer', 'string'];
  else if (schema.type) types = [schema.type];
  if (types.length === 0) return;
  if (schema.nullable) {
    types.push('null');
    if (schema.enum) out.enum = [...schema.enum, null];
  }
  out.type = types.length === 1 ? types[0] : types;
}

function convertNumericBounds(schema: OpenApiSchema, out: JsonSchema): void {
  if (schema.exclusiveMinimum && schema.minimum !== undefined) {
    out.exclusiveMinimum = schema.minimum;
    delete out.minimum;
  }
  if (schema.exclusiveMaximum && schema.maximum !== undefined) {
    out.exclusiveMaximum = schema.maximum;
    delete out.maximum;
  }
}

function isClosedObject(schema: OpenApiSchema, at: Position): boolean {
  if (at.inJunctor || schema['x-kubernetes-preserve-unknown-fields']) return false;
  return schema.type === 'object' || schema.properties !== undefined || at.embedded;
}

/** The `anyOf: [{type: integer}, {type: string}]` that accompanies x-kubernetes-int-or-string. */
function isIntOrStringAnyOf(schema: OpenApiSchema): boolean {
  const branches = schema.anyOf ?? [];
  return !!schema['x-kubernetes-int-or-string']
    && branches.every((b) => Object.keys(b).length === 1 && (b.type === 'integer' || b.type === 'string'));
}

/**
 * Declares `apiVersion`, `kind` and `metadata` on an object node. A CRD may only narrow
 * `metadata.name` and `metadata.generateName`; everything else in metadata is ObjectMeta.
 */
function addObjectHeader(properties: Record<string, JsonSchema>): void {
  properties.apiVersion ??= { type: 'string' };
  properties.kind ??= { type: 'string' };
  const declared = (properties.metadata?.properties ?? {}) as Record<string, JsonSchema>;
  const meta = OBJECT_META_JSON_SCHEMA;
  properties.metadata = {
    ...meta,
    properties: {
      ...meta.properties,
      name: { ...meta.properties.name, ...declared.name },
      generateName: { ...meta.properties.generateName, ...declared.generateName },
    },
  };
}
