import { GatewayListener } from '../listener';
import type { AppRegistry } from '../model/registry';

/**
 * The last problems one construct's validation found, reused while nothing it reads has changed:
 * no change recorded since in the construct's app (`AppRegistry.recordChange()`), and the same key
 * (the construct's model, and what its validation reads of values the user may still hold, such as
 * listeners' host lists).
 *
 * cdk8s validates the whole app twice in one `app.synthYaml()` (once itself, once more in
 * `Chart.toJson()`), with nothing in between that could change the result: the second pass of a
 * route or gateway answers from the first.
 */
export class ValidationMemo {
  private revision = -1;
  private key: readonly unknown[] = [];
  private problems: string[] = [];

  /** @param registry the registry of the construct's app, whose changes invalidate the answer */
  public constructor(private readonly registry: AppRegistry) {}

  /** The problems for `key`, from `validate()` unless nothing changed since the last call. */
  public problemsOf(key: readonly unknown[], validate: () => string[]): string[] {
    const revision = this.registry.revision;
    if (this.revision === revision && sameKey(this.key, key)) return copy(this.problems);
    const problems = validate();
    this.revision = revision;
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
 * What validation reads of listeners that their creator may still hold: each listener, and the
 * version of its content (hosts and route namespaces, read again once per validation pass, so that
 * a host replaced in place is seen).
 */
export function listenersKey(registry: AppRegistry, listeners: readonly GatewayListener[], key: unknown[] = []): unknown[] {
  key.push(listeners.length);
  for (const l of listeners) key.push(l, registry.listenerVersion(l));
  return key;
}
