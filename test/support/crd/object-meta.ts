import { FieldIssue } from './findings';
import {
  dns1035LabelErrors,
  dns1123LabelErrors,
  dns1123SubdomainErrors,
  labelValueErrors,
  qualifiedNameErrors,
} from './k8s-names';
import { isJsonObject } from './openapi-schema';
import { mapKeyPath } from './paths';

const STRING_MAP = { type: 'object', additionalProperties: { type: 'string' } };

/**
 * JSON schema (ajv dialect) of `metadata` (ObjectMeta). Custom resource schemas do not describe
 * `metadata`; the API server validates it as ObjectMeta, so unknown metadata fields are rejected.
 */
export const OBJECT_META_JSON_SCHEMA = {
  type: 'object',
  additionalProperties: false,
  properties: {
    name: { type: 'string' },
    generateName: { type: 'string' },
    namespace: { type: 'string' },
    labels: STRING_MAP,
    annotations: STRING_MAP,
    uid: { type: 'string' },
    resourceVersion: { type: 'string' },
    generation: { type: 'integer' },
    creationTimestamp: { type: ['string', 'null'] },
    deletionTimestamp: { type: ['string', 'null'] },
    deletionGracePeriodSeconds: { type: 'integer' },
    selfLink: { type: 'string' },
    finalizers: { type: 'array', items: { type: 'string' } },
    ownerReferences: { type: 'array', items: { type: 'object' } },
    managedFields: { type: 'array', items: { type: 'object' } },
  },
} as const;

/** Core kinds whose names must be RFC 1035 labels. */
const DNS1035_NAMED_KINDS = new Set(['Service']);
/** Core kinds whose names must be RFC 1123 labels. */
const DNS1123_LABEL_NAMED_KINDS = new Set(['Namespace']);

/**
 * Checks the parts of `metadata` the API server validates for every object: the name (or
 * generateName) syntax for the kind, the namespace syntax, and label and annotation keys and values.
 */
export function checkObjectMeta(obj: Record<string, unknown>): FieldIssue[] {
  const meta = obj.metadata;
  if (!isJsonObject(meta)) return [issue('metadata', 'Required value')];
  const issues: FieldIssue[] = [];
  const kind = typeof obj.kind === 'string' ? obj.kind : '';
  const name = meta.name;
  if (typeof name === 'string' && name.length > 0) {
    issues.push(...nameErrors(kind, name).map((e) => invalid('metadata.name', name, e)));
  } else if (typeof meta.generateName !== 'string' || meta.generateName.length === 0) {
    issues.push(issue('metadata.name', 'Required value: name or generateName is required'));
  }
  if (typeof meta.namespace === 'string') {
    issues.push(...dns1123LabelErrors(meta.namespace).map((e) => invalid('metadata.namespace', meta.namespace, e)));
  }
  issues.push(...checkStringMap(meta.labels, 'metadata.labels', labelValueErrors));
  issues.push(...checkStringMap(meta.annotations, 'metadata.annotations', () => []));
  return issues;
}

function nameErrors(kind: string, name: string): string[] {
  if (DNS1035_NAMED_KINDS.has(kind)) return dns1035LabelErrors(name);
  if (DNS1123_LABEL_NAMED_KINDS.has(kind)) return dns1123LabelErrors(name);
  return dns1123SubdomainErrors(name);
}

function checkStringMap(map: unknown, path: string, valueErrors: (v: string) => string[]): FieldIssue[] {
  if (!isJsonObject(map)) return [];
  const issues: FieldIssue[] = [];
  for (const [key, value] of Object.entries(map)) {
    for (const e of qualifiedNameErrors(key)) issues.push(invalid(path, key, e));
    if (typeof value !== 'string') {
      issues.push(invalid(mapKeyPath(path, key), value, 'must be of type string'));
    } else {
      for (const e of valueErrors(value)) issues.push(invalid(mapKeyPath(path, key), value, e));
    }
  }
  return issues;
}

function issue(path: string, message: string): FieldIssue {
  return { path, message, source: 'metadata' };
}

function invalid(path: string, value: unknown, problem: string): FieldIssue {
  return issue(path, `Invalid value: ${JSON.stringify(value)}: ${problem}`);
}
