/**
 * In-process validation of Kubernetes objects against the pinned CustomResourceDefinitions in
 * `.crds/`, with the semantics of the API server: structural defaults, the OpenAPI v3 schema
 * (plus rejection of unknown fields, which the API server would silently prune), CEL
 * `x-kubernetes-validations` rules and list-map/list-set uniqueness.
 *
 * ```ts
 * const validator = CrdValidator.fromDirectory();
 * expectValid(Testing.synth(chart), validator);
 * ```
 */
import * as path from 'path';
import { createAjv } from './crd/ajv-instance';
import { CelRuleCompiler } from './crd/cel-rules';
import { CompileContext, CompiledVersion } from './crd/compiled-version';
import { CrdVersion, LoadedCrd, loadCrdDirectory } from './crd/crd-loader';
import { DiskCache } from './crd/disk-cache';
import { FieldIssue, ValidationFinding, formatFindings } from './crd/findings';
import { checkObjectMeta } from './crd/object-meta';
import { isJsonObject } from './crd/openapi-schema';

export { RULES_SKIPPED_MESSAGE } from './crd/compiled-version';
export type { FieldIssue, FindingSource, ValidationFinding } from './crd/findings';
export { formatFinding, formatFindings } from './crd/findings';
export type { CrdVersion, LoadedCrd } from './crd/crd-loader';

/** `.crds/` at the repository root, where `npx projen crds` puts the resolved CRDs. */
export const DEFAULT_CRD_DIR = path.resolve(__dirname, '..', '..', '.crds');

/** Where parsed CRDs and generated validator code are cached: `node_modules/.cache/crd-validator`. */
export const DEFAULT_CACHE_DIR = path.resolve(__dirname, '..', '..', 'node_modules', '.cache', 'crd-validator');

/** Options of {@link CrdValidator.fromDirectory}. */
export interface CrdValidatorOptions {
  /** Cache directory for parsed CRDs and generated validator code; `false` disables caching. */
  readonly cacheDir?: string | false;
}

/** How many objects of each `apiVersion/kind` were validated against a CRD, and how many were not. */
export interface CoverageReport {
  /** Objects validated against a CRD, by `apiVersion/kind` (e.g. `networking.istio.io/v1/Gateway`). */
  readonly checked: Readonly<Record<string, number>>;
  /** Objects no loaded CRD covers (core Kubernetes kinds and the like), by `apiVersion/kind`. */
  readonly skipped: Readonly<Record<string, number>>;
}

/** One CEL rule of one served CRD version, as compiled. */
export interface RuleReport {
  readonly crd: string;
  readonly apiVersion: string;
  readonly kind: string;
  /** Schema location of the rule, e.g. `spec.rules[*].filters`. */
  readonly path: string;
  readonly rule: string;
  /** The rule uses `oldSelf` and is therefore never evaluated. */
  readonly transition: boolean;
  /** Why the rule could not be compiled. */
  readonly error?: string;
}

/** The result of compiling every served version of every loaded CRD. */
export interface CompileReport {
  /** Served CRD versions compiled. */
  readonly versions: number;
  /** Total milliseconds spent compiling them (schemas and rules). */
  readonly compileMs: number;
  /** Every rule site (the same rule text counts once per version and schema location). */
  readonly rules: readonly RuleReport[];
  /** The rules that could not be compiled; should be empty. */
  readonly failures: readonly RuleReport[];
  /** Formats used by the CRDs that Kubernetes does not validate (and neither does this validator). */
  readonly ignoredFormats: readonly string[];
}

/** Validates Kubernetes objects against a set of CRDs. Schemas are compiled lazily, once per version. */
export class CrdValidator {
  /**
   * Loads every CRD in `dir` (default: the repository's `.crds/`). Parsed CRDs and generated
   * validator code are cached in `options.cacheDir` (default {@link DEFAULT_CACHE_DIR}; `false`
   * disables caching), keyed by content hash.
   */
  public static fromDirectory(dir: string = DEFAULT_CRD_DIR, options: CrdValidatorOptions = {}): CrdValidator {
    const cacheDir = options.cacheDir ?? DEFAULT_CACHE_DIR;
    const cache = cacheDir === false ? undefined : new DiskCache(cacheDir);
    return new CrdValidator(loadCrdDirectory(dir, cache), cache);
  }

  private readonly byGroupKind = new Map<string, LoadedCrd>();
  private readonly compiled = new Map<CrdVersion, CompiledVersion>();
  private readonly context: CompileContext;
  private readonly checked = new Map<string, number>();
  private readonly skipped = new Map<string, number>();

  /** Creates a validator for `crds`, caching generated code in `cache`; see {@link CrdValidator.fromDirectory}. */
  constructor(public readonly crds: readonly LoadedCrd[], cache?: DiskCache) {
    for (const crd of crds) this.byGroupKind.set(`${crd.group}/${crd.kind}`, crd);
    this.context = { ajv: createAjv(), rules: new CelRuleCompiler(), notes: { ignoredFormats: new Set() }, cache };
  }

  /** True when a served version of a loaded CRD describes objects of this `apiVersion` and `kind`. */
  public covers(apiVersion: string, kind: string): boolean {
    return this.lookup(apiVersion, kind) instanceof CompiledVersion;
  }

  /**
   * Validates one object. Objects no loaded CRD covers get only the metadata checks and are
   * counted as skipped in {@link coverage}. The object is not modified.
   */
  public validate(obj: unknown): ValidationFinding[] {
    if (!isJsonObject(obj)) {
      return [{ kind: '', name: '', apiVersion: '', path: '', message: `Invalid value: expected an object, got ${JSON.stringify(obj)}`, source: 'schema' }];
    }
    const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : '';
    const kind = typeof obj.kind === 'string' ? obj.kind : '';
    const issues: FieldIssue[] = [];
    if (!apiVersion) issues.push({ path: 'apiVersion', message: 'Required value', source: 'schema' });
    if (!kind) issues.push({ path: 'kind', message: 'Required value', source: 'schema' });
    issues.push(...checkObjectMeta(obj));
    const target = apiVersion && kind ? this.lookup(apiVersion, kind) : undefined;
    const coverageKey = `${apiVersion}/${kind}`;
    if (target instanceof CompiledVersion) {
      count(this.checked, coverageKey);
      issues.push(...target.validate(obj));
    } else if (typeof target === 'string') {
      count(this.checked, coverageKey);
      issues.push({ path: 'apiVersion', message: target, source: 'crd' });
    } else {
      count(this.skipped, coverageKey);
    }
    return issues.map((issue) => attribute(obj, issue));
  }

  /**
   * Validates every object, and also reports objects that occur more than once (same group, kind,
   * namespace and name), which the API server would refuse to create twice.
   */
  public validateAll(objs: readonly unknown[]): ValidationFinding[] {
    return this.validateEach(objs).flat();
  }

  /**
   * Like {@link validateAll}, but returns the findings of each object separately, in input order
   * (a duplicate is reported on its later occurrence).
   */
  public validateEach(objs: readonly unknown[]): ValidationFinding[][] {
    const seen = new Set<string>();
    return objs.map((obj) => {
      const findings = this.validate(obj);
      const identity = isJsonObject(obj) ? objectIdentity(obj) : undefined;
      if (identity !== undefined && seen.has(identity)) {
        findings.push(attribute(obj as Record<string, unknown>, {
          path: 'metadata.name',
          message: 'Duplicate value: the same object occurs earlier in this set',
          source: 'duplicate',
        }));
      }
      if (identity !== undefined) seen.add(identity);
      return findings;
    });
  }

  /**
   * A copy of `obj` with the structural defaults of its CRD version applied, as the API server
   * would store it. Throws when no served CRD version covers the object.
   */
  public withDefaults(obj: Record<string, unknown>): Record<string, unknown> {
    const target = this.lookup(String(obj.apiVersion), String(obj.kind));
    if (!(target instanceof CompiledVersion)) throw new Error(`no served CRD version for ${String(obj.apiVersion)} ${String(obj.kind)}`);
    return target.withDefaults(obj);
  }

  /** Counts of objects validated against a CRD and of objects skipped, since creation or {@link resetCoverage}. */
  public coverage(): CoverageReport {
    return { checked: Object.fromEntries(this.checked), skipped: Object.fromEntries(this.skipped) };
  }

  /** Forgets the counts reported by {@link coverage}. */
  public resetCoverage(): void {
    this.checked.clear();
    this.skipped.clear();
  }

  /** Compiles every served version of every loaded CRD and reports on each CEL rule. */
  public compileAll(): CompileReport {
    const rules: RuleReport[] = [];
    let versions = 0;
    let compileMs = 0;
    for (const crd of this.crds) {
      for (const version of crd.versions.filter((v) => v.served)) {
        const compiled = this.compiledVersion(version);
        versions++;
        compileMs += compiled.compileMs;
        for (const site of compiled.ruleSites) {
          rules.push({
            crd: crd.name,
            apiVersion: version.apiVersion,
            kind: crd.kind,
            path: site.schemaPath,
            rule: site.rule.source.rule,
            transition: site.rule.isTransition,
            ...(site.rule.compileError !== undefined ? { error: site.rule.compileError } : {}),
          });
        }
      }
    }
    return {
      versions,
      compileMs,
      rules,
      failures: rules.filter((r) => r.error !== undefined),
      ignoredFormats: [...this.context.notes.ignoredFormats].sort(),
    };
  }

  /**
   * The compiled CRD version for `apiVersion`/`kind`; a message when the CRD exists but does not
   * serve that version; undefined when no loaded CRD has that group and kind.
   */
  private lookup(apiVersion: string, kind: string): CompiledVersion | string | undefined {
    const slash = apiVersion.lastIndexOf('/');
    const group = slash < 0 ? '' : apiVersion.slice(0, slash);
    const crd = this.byGroupKind.get(`${group}/${kind}`);
    if (!crd) return undefined;
    const version = crd.versions.find((v) => v.apiVersion === apiVersion && v.served);
    if (!version) {
      const served = crd.versions.filter((v) => v.served).map((v) => v.version);
      return `Unsupported value: ${JSON.stringify(apiVersion)}: ${crd.name} serves versions ${served.join(', ')}`;
    }
    return this.compiledVersion(version);
  }

  private compiledVersion(version: CrdVersion): CompiledVersion {
    let compiled = this.compiled.get(version);
    if (!compiled) {
      compiled = new CompiledVersion(version, this.context);
      this.compiled.set(version, compiled);
    }
    return compiled;
  }
}

let sharedValidator: CrdValidator | undefined;

/** A validator for the repository's `.crds/`, created on first use and shared afterwards. */
export function defaultCrdValidator(): CrdValidator {
  sharedValidator ??= CrdValidator.fromDirectory();
  return sharedValidator;
}

/**
 * Throws an Error listing every finding (one line each, see {@link formatFindings}) when any of
 * `objs` is invalid. Accepts one object or a list, e.g. the output of cdk8s `Testing.synth()`.
 */
export function expectValid(objs: unknown, validator: CrdValidator = defaultCrdValidator()): void {
  const findings = validator.validateAll(Array.isArray(objs) ? objs : [objs]);
  if (findings.length > 0) {
    throw new Error(`CRD validation failed with ${findings.length} finding(s):\n${formatFindings(findings)}`);
  }
}

function attribute(obj: Record<string, unknown>, issue: FieldIssue): ValidationFinding {
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  return {
    kind: typeof obj.kind === 'string' ? obj.kind : '',
    name: typeof meta.name === 'string' ? meta.name : '',
    ...(typeof meta.namespace === 'string' ? { namespace: meta.namespace } : {}),
    apiVersion: typeof obj.apiVersion === 'string' ? obj.apiVersion : '',
    ...issue,
  };
}

/** Group, kind, namespace and name; undefined for objects without a name (e.g. generateName only). */
function objectIdentity(obj: Record<string, unknown>): string | undefined {
  const meta = isJsonObject(obj.metadata) ? obj.metadata : {};
  if (typeof meta.name !== 'string' || meta.name === '') return undefined;
  const apiVersion = String(obj.apiVersion);
  const group = apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '';
  return [group, String(obj.kind), String(meta.namespace ?? ''), meta.name].join('\u0000');
}

function count(counts: Map<string, number>, key: string): void {
  counts.set(key, (counts.get(key) ?? 0) + 1);
}
