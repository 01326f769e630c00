import * as fs from 'fs';
import * as path from 'path';
import { parseAllDocuments } from 'yaml';
import { DiskCache } from './disk-cache';
import { OpenApiSchema, isJsonObject } from './openapi-schema';

/** Bump when the shape of {@link LoadedCrd} changes, to invalidate cached parses. */
const LOADER_VERSION = '1';

/** One version of a CustomResourceDefinition. */
export interface CrdVersion {
  /** CRD name, e.g. `gateways.networking.istio.io`. */
  readonly crdName: string;
  readonly group: string;
  readonly kind: string;
  /** Version name, e.g. `v1`. */
  readonly version: string;
  /** `group/version`, the `apiVersion` objects of this version carry. */
  readonly apiVersion: string;
  readonly served: boolean;
  readonly storage: boolean;
  readonly scope: 'Namespaced' | 'Cluster';
  /** `schema.openAPIV3Schema` of this version. */
  readonly schema: OpenApiSchema;
}

/** A CustomResourceDefinition reduced to what validation needs. */
export interface LoadedCrd {
  readonly name: string;
  readonly group: string;
  readonly kind: string;
  readonly versions: readonly CrdVersion[];
}

/**
 * Reads every `*.yaml`/`*.yml` file in `dir` and returns the `apiextensions.k8s.io/v1`
 * CustomResourceDefinitions they contain. Throws on unreadable YAML, on a version without a schema
 * and on the same CRD defined twice. Parsing megabytes of YAML takes seconds in a fresh process,
 * so with a `cache` the result per file content is stored as JSON.
 */
export function loadCrdDirectory(dir: string, cache?: DiskCache): LoadedCrd[] {
  if (!fs.existsSync(dir)) {
    throw new Error(`CRD directory ${dir} does not exist (run "npx projen crds" to create it)`);
  }
  const files = fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort();
  const crds = new Map<string, LoadedCrd>();
  for (const file of files) {
    for (const crd of readCrdFile(path.join(dir, file), cache)) {
      if (crds.has(crd.name)) throw new Error(`CRD ${crd.name} is defined more than once in ${dir}`);
      crds.set(crd.name, crd);
    }
  }
  if (crds.size === 0) throw new Error(`no CustomResourceDefinitions found in ${dir}`);
  return [...crds.values()];
}

function readCrdFile(file: string, cache: DiskCache | undefined): LoadedCrd[] {
  const text = fs.readFileSync(file, 'utf8');
  const name = `crds-${DiskCache.key(LOADER_VERSION, text)}.json`;
  const cached = cache?.read(name);
  if (cached !== undefined) {
    try {
      return JSON.parse(cached) as LoadedCrd[];
    } catch {
      // unreadable cache entry: parse again
    }
  }
  const crds = parseCrdFile(text, file);
  cache?.write(name, JSON.stringify(crds));
  return crds;
}

function parseCrdFile(text: string, file: string): LoadedCrd[] {
  const result: LoadedCrd[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0) throw new Error(`${file}: ${doc.errors[0].message}`);
    const obj: unknown = doc.toJS({ maxAliasCount: -1 });
    if (!isJsonObject(obj) || obj.kind !== 'CustomResourceDefinition') continue;
    if (obj.apiVersion !== 'apiextensions.k8s.io/v1') {
      throw new Error(`${file}: unsupported CRD apiVersion ${String(obj.apiVersion)}`);
    }
    result.push(toLoadedCrd(obj, file));
  }
  return result;
}

interface RawCrd {
  readonly metadata: { readonly name: string };
  readonly spec: {
    readonly group: string;
    readonly scope: 'Namespaced' | 'Cluster';
    readonly names: { readonly kind: string };
    readonly versions: ReadonlyArray<{
      readonly name: string;
      readonly served: boolean;
      readonly storage: boolean;
      readonly schema?: { readonly openAPIV3Schema?: OpenApiSchema };
    }>;
  };
}

function toLoadedCrd(obj: Record<string, unknown>, file: string): LoadedCrd {
  const raw = obj as unknown as RawCrd;
  const { group, scope } = raw.spec;
  const kind = raw.spec.names.kind;
  const versions = raw.spec.versions.map((v): CrdVersion => {
    const schema = v.schema?.openAPIV3Schema;
    if (!schema) throw new Error(`${file}: ${raw.metadata.name} version ${v.name} has no openAPIV3Schema`);
    return {
      crdName: raw.metadata.name,
      group,
      kind,
      version: v.name,
      apiVersion: `${group}/${v.name}`,
      served: v.served,
      storage: v.storage,
      scope,
      schema,
    };
  });
  return { name: raw.metadata.name, group, kind, versions };
}
