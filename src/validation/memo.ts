import { GatewayListener } from '../listener';

/**
 * How many changes were made, in any app of this process, to what the validation of gateways and
 * HTTP routes reads beyond their own fields: a gateway, route, backend policy, subset user or
 * network claim registered, a rule, listener, subset or Service port added, a suppression.
 */
let revision = 0;

/** Records a change that may change what validation finds (see `revision`). */
export function recordChange(): void {
  revision++;
}

/**
 * The last problems one construct's validation found, reused while nothing it reads has changed:
 * no change recorded since (`recordChange()`), and the same key (the construct's model, and what
 * its validation reads of values the user may still hold, such as listeners' host lists).
 *
 * cdk8s validates the whole app twice in one `app.synthYaml()` (once itself, once more in
 * `Chart.toJson()`), with nothing in between that could change the result: the second pass of a
 * route or gateway answers from the first.
 */
export class ValidationMemo {
  private revision = -1;
  private key: readonly unknown[] = [];
  private problems: string[] = [];

  /** The problems for `key`, from `validate()` unless nothing changed since the last call. */
  public problemsOf(key: readonly unknown[], validate: () => string[]): string[] {
    if (this.revision === revision && sameKey(this.key, key)) return copy(this.problems);
    const at = revision;
    const problems = validate();
    this.revision = at;
    this.key = key;
    this.problems = problems;
    return copy(problems);
  }
}

/** A copy for the caller (none is needed of no problem). */
function copy(problems: string[]): string[] {
  return problems.length === 0 ? NONE : [...problems];
}

const NONE: string[] = Object.freeze([]) as unknown as string[];

function sameKey(a: readonly unknown[], b: readonly unknown[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * What validation reads of listeners that their creator may still hold: each listener, its host
 * list and its route namespaces, by identity, and the lists' lengths (the same things the served
 * hosts index is rebuilt on).
 */
export function listenersKey(listeners: readonly GatewayListener[], key: unknown[] = []): unknown[] {
  key.push(listeners.length);
  for (const l of listeners) {
    key.push(l, l.hosts, l.hosts.length, l.routeNamespaces, l.routeNamespaces?.namespaces.length);
  }
  return key;
}
