import Ajv, { ValidateFunction, _ } from 'ajv';
import * as equal from 'ajv/dist/runtime/equal';
import * as ucs2length from 'ajv/dist/runtime/ucs2length';
import standaloneCode from 'ajv/dist/standalone';
import { version as AJV_VERSION } from 'ajv/package.json';
import { JsonSchema } from './ajv-schema';
import { DiskCache } from './disk-cache';
import { KUBERNETES_STRING_FORMATS } from './formats';

/** Kubernetes schema extensions; declared so that ajv's strict mode never rejects them. */
const KUBERNETES_KEYWORDS = [
  'x-kubernetes-int-or-string',
  'x-kubernetes-preserve-unknown-fields',
  'x-kubernetes-embedded-resource',
  'x-kubernetes-list-type',
  'x-kubernetes-list-map-keys',
  'x-kubernetes-map-type',
  'x-kubernetes-validations',
];

/** The module id generated validator code uses to reach the format definitions. */
const FORMATS_MODULE = 'crd-validator/formats';

const FORMAT_DEFINITIONS = Object.fromEntries(
  Object.entries(KUBERNETES_STRING_FORMATS).map(([name, validate]) => [name, { type: 'string' as const, validate }]),
);

/** The modules generated validator code may require. */
const STANDALONE_MODULES: Readonly<Record<string, unknown>> = {
  [FORMATS_MODULE]: FORMAT_DEFINITIONS,
  'ajv/dist/runtime/equal': equal,
  'ajv/dist/runtime/ucs2length': ucs2length,
};

/** Bump when anything changes the code generated for a schema (ajv options, formats, conversion). */
const GENERATOR_VERSION = '1';

/**
 * An ajv instance for schemas produced by {@link toAjvSchema}: all errors, strict about schema
 * keywords but tolerant of union types and of `properties` without `type` inside anyOf/oneOf
 * branches, with the Kubernetes string formats registered. Messages are built by
 * {@link ajvErrorsToIssues}, so ajv's own are not generated.
 */
export function createAjv(): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    messages: false,
    strict: true,
    strictTypes: false,
    strictTuples: false,
    strictRequired: false,
    allowUnionTypes: true,
    validateFormats: true,
    code: { source: true, formats: _`require(${FORMATS_MODULE})` },
  });
  ajv.addVocabulary(KUBERNETES_KEYWORDS);
  for (const [name, definition] of Object.entries(FORMAT_DEFINITIONS)) ajv.addFormat(name, definition);
  return ajv;
}

/**
 * Compiles `schema` with `ajv`. Generating validator code for a large CRD takes hundreds of
 * milliseconds, so with a `cache` the generated code is stored and later loaded instead.
 */
export function compileSchema(ajv: Ajv, schema: JsonSchema, cache: DiskCache | undefined): ValidateFunction {
  const name = `ajv-${DiskCache.key(GENERATOR_VERSION, AJV_VERSION, Object.keys(FORMAT_DEFINITIONS).join(), JSON.stringify(schema))}.js`;
  const cached = cache?.read(name);
  if (cached !== undefined) {
    const loaded = loadStandalone(cached);
    if (loaded) return loaded;
  }
  const validate = ajv.compile(schema);
  cache?.write(name, standaloneCode(ajv, validate));
  return validate;
}

function loadStandalone(code: string): ValidateFunction | undefined {
  const module = { exports: {} as unknown };
  const requireModule = (id: string): unknown => {
    if (!(id in STANDALONE_MODULES)) throw new Error(`generated validator requires unexpected module ${id}`);
    return STANDALONE_MODULES[id];
  };
  try {
    // The code is ajv's own output for one of our schemas, read back from the cache.
    new Function('require', 'module', 'exports', code)(requireModule, module, module.exports);
  } catch {
    return undefined;
  }
  return typeof module.exports === 'function' ? module.exports as ValidateFunction : undefined;
}
