/** Which stage of the validator produced a finding. */
export type FindingSource =
  /** The CRD lookup itself, e.g. an apiVersion whose version the CRD does not serve. */
  | 'crd'
  /** The OpenAPI v3 structural schema (types, required fields, unknown fields, enums, limits, formats). */
  | 'schema'
  /** A CEL `x-kubernetes-validations` rule. */
  | 'cel'
  /** `x-kubernetes-list-type: map|set` uniqueness. */
  | 'list-type'
  /** Object metadata checks that apply to every object (names, labels). */
  | 'metadata'
  /** The same object appears more than once in one batch. */
  | 'duplicate';

/** A problem at a field path of an object that is not yet attributed to that object. */
export interface FieldIssue {
  /** Field path inside the object, e.g. `spec.http[0].timeout`; '' is the object itself. */
  readonly path: string;
  /** Human readable description. */
  readonly message: string;
  /** The CEL rule that failed, for `source: 'cel'` issues. */
  readonly rule?: string;
  /** The validation stage that produced the issue. */
  readonly source: FindingSource;
}

/** A problem found in one field of one object. */
export interface ValidationFinding extends FieldIssue {
  /** `kind` of the offending object. */
  readonly kind: string;
  /** `metadata.name` of the offending object ('' when absent). */
  readonly name: string;
  /** `metadata.namespace` of the offending object, when set. */
  readonly namespace?: string;
  /** `apiVersion` of the offending object. */
  readonly apiVersion: string;
}

/** Formats one finding as `<kind>/<namespace>/<name> <path>: <message>` (`-` for no namespace). */
export function formatFinding(finding: ValidationFinding): string {
  const ns = finding.namespace ?? '-';
  return `${finding.kind}/${ns}/${finding.name} ${finding.path || '<root>'}: ${finding.message}`;
}

/** Formats findings one per line, in the order given. */
export function formatFindings(findings: readonly ValidationFinding[]): string {
  return findings.map(formatFinding).join('\n');
}
