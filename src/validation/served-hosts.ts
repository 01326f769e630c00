import { scopeAdmits } from './hosts';
import { ApiFlavor } from '../api-flavor';
import { GatewayListener } from '../listener';
import { listenerScopes } from '../model/listener-scope';
import type { AppRegistry } from '../model/registry';

/**
 * A set of host patterns that answers "does any of them have a host in common with this one"
 * (`hostsIntersect()`) by lookups instead of a scan, so that checking N hosts against N others
 * costs O(N), not O(N²).
 *
 * `hostsIntersect(s, h)` is `hostCovers(s, h) || hostCovers(h, s)`, which holds exactly when:
 * - `h` is `*`, or `s` is `*` or `h`;
 * - `s` is a wildcard `*X` (X = `.suffix`) and `h` ends in X: for a plain `h`, X is one of its proper
 *   suffixes that start at a dot; for a wildcard `h` = `*Y`, X is Y or one of Y's suffixes that start
 *   at a dot;
 * - `h` is a wildcard `*Y` and `s` ends in Y after at least one character (`s` is a name or a
 *   narrower wildcard under Y): Y is one of the suffixes of `s` that start at a dot after its first
 *   character.
 */
export class HostSet {
  private size = 0;
  /** The hosts as written (`*` included). */
  private readonly exact = new Set<string>();
  /** X, for every wildcard `*X`. */
  private readonly wildcards = new Set<string>();
  /** Every suffix of every host that starts at a dot after its first character. */
  private readonly parents = new Set<string>();

  public add(host: string): void {
    this.size++;
    this.exact.add(host);
    if (host.startsWith('*.')) this.wildcards.add(host.slice(1));
    for (const suffix of dotSuffixes(host, 1)) this.parents.add(suffix);
  }

  /** Whether a host of the set has a host in common with `host`. */
  public intersects(host: string): boolean {
    if (host === '*') return this.size > 0;
    if (this.exact.has('*') || this.exact.has(host)) return true;
    if (host.startsWith('*.')) {
      const y = host.slice(1);
      return this.parents.has(y) || (this.wildcards.size > 0 && dotSuffixes(y, 0).some((x) => this.wildcards.has(x)));
    }
    // A plain host meets only the set's wildcards beyond itself (most listeners name hosts).
    return this.wildcards.size > 0 && dotSuffixes(host, 1).some((x) => this.wildcards.has(x));
  }
}

/** The suffixes of `value` that start at a dot at index `from` or later. */
function dotSuffixes(value: string, from: number): string[] {
  const suffixes: string[] = [];
  for (let i = value.indexOf('.', from); i >= 0; i = value.indexOf('.', i + 1)) suffixes.push(value.slice(i));
  return suffixes;
}

/**
 * Whether any of `listeners` serves, to routes in `routeNamespace`, a host that has a host in common
 * with `host`: the same answer as scanning every `listenerScopes()` entry with `scopeAdmits()` and
 * `hostsIntersect()`, by lookups in an index of each listener's hosts per namespace scope.
 */
export function listenersServe(
  registry: AppRegistry,
  listeners: GatewayListener[],
  api: ApiFlavor,
  gatewayNamespace: string,
  routeNamespace: string,
  host: string,
): boolean {
  for (const listener of listeners) {
    for (const [scope, hosts] of listenerIndex(registry, listener, api)) {
      if (scopeAdmits(scope, gatewayNamespace, routeNamespace) && hosts.intersects(host)) return true;
    }
  }
  return false;
}

interface CachedIndex {
  readonly version: number;
  readonly byScope: Map<string, HostSet>;
}

/**
 * A listener's hosts by namespace scope, indexed once per listener and API in the app's registry.
 * The index is rebuilt when the listener's hosts or route namespaces change (its version in the
 * registry, read again once per validation pass).
 */
function listenerIndex(registry: AppRegistry, listener: GatewayListener, api: ApiFlavor): Map<string, HostSet> {
  const indexes = registry.cache<GatewayListener, Map<ApiFlavor, CachedIndex>>('served-hosts');
  let perApi = indexes.get(listener);
  if (!perApi) {
    perApi = new Map();
    indexes.set(listener, perApi);
  }
  const cached = perApi.get(api);
  const version = registry.listenerVersion(listener);
  if (cached && cached.version === version) return cached.byScope;
  const byScope = new Map<string, HostSet>();
  for (const { namespace, host } of listenerScopes(listener, api)) {
    let hosts = byScope.get(namespace);
    if (!hosts) {
      hosts = new HostSet();
      byScope.set(namespace, hosts);
    }
    hosts.add(host);
  }
  perApi.set(api, { version, byScope });
  return byScope;
}
