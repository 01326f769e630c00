import { scopeAdmits } from './hosts';
import { ApiFlavor } from '../api-flavor';
import { GatewayListener } from '../listener';
import { listenerScopes } from '../model/listener-scope';
import { RouteNamespaces } from '../route-namespaces';

/**
 * Whether any of `listeners` serves, to routes in `routeNamespace`, a host that has a host in common
 * with `host`: the same answer as scanning every `listenerScopes()` entry with `scopeAdmits()` and
 * `hostsIntersect()`, but by lookups in an index of each listener's hosts, so that checking N routes
 * against listeners with N hosts costs O(N), not O(N²).
 *
 * `hostsIntersect(s, h)` is `hostCovers(s, h) || hostCovers(h, s)`, which for a served host `s`
 * holds exactly when:
 * - `h` is `*`, or `s` is `*` or `h`;
 * - `s` is a wildcard `*X` (X = `.suffix`) and `h` ends in X: for a plain `h`, X is one of its proper
 *   suffixes that start at a dot; for a wildcard `h` = `*Y`, X is Y or one of Y's suffixes that start
 *   at a dot;
 * - `h` is a wildcard `*Y` and `s` ends in Y after at least one character (`s` is a name or a
 *   narrower wildcard under Y): Y is one of the suffixes of `s` that start at a dot after its first
 *   character.
 */
export function listenersServe(
  listeners: GatewayListener[],
  api: ApiFlavor,
  gatewayNamespace: string,
  routeNamespace: string,
  host: string,
): boolean {
  for (const listener of listeners) {
    for (const [scope, hosts] of listenerIndex(listener, api)) {
      if (scopeAdmits(scope, gatewayNamespace, routeNamespace) && served(hosts, host)) return true;
    }
  }
  return false;
}

/** The hosts of one listener admitted under one namespace scope. */
interface ScopeHosts {
  count: number;
  /** The hosts as written (`*` included). */
  readonly exact: Set<string>;
  /** X for every wildcard `*X`. */
  readonly wildcards: Set<string>;
  /** The suffixes of every host that start at a dot after the first character. */
  readonly parents: Set<string>;
}

function served(hosts: ScopeHosts, host: string): boolean {
  if (host === '*') return hosts.count > 0;
  if (hosts.exact.has('*') || hosts.exact.has(host)) return true;
  if (host.startsWith('*.')) {
    const y = host.slice(1);
    return hosts.parents.has(y) || dotSuffixes(y, 0).some((x) => hosts.wildcards.has(x));
  }
  return dotSuffixes(host, 1).some((x) => hosts.wildcards.has(x));
}

/** The suffixes of `value` that start at a dot at index `from` or later. */
function dotSuffixes(value: string, from: number): string[] {
  const suffixes: string[] = [];
  for (let i = value.indexOf('.', from); i >= 0; i = value.indexOf('.', i + 1)) suffixes.push(value.slice(i));
  return suffixes;
}

interface CachedIndex {
  readonly hosts: string[];
  readonly hostCount: number;
  readonly routeNamespaces?: RouteNamespaces;
  readonly namespaceCount: number;
  readonly byScope: Map<string, ScopeHosts>;
}

/**
 * A listener's index, built once per listener and API. It is rebuilt when the listener's host list
 * or its route namespaces are replaced or change length (listeners are values, fixed at creation).
 */
const INDEXES = new WeakMap<GatewayListener, Map<ApiFlavor, CachedIndex>>();

function listenerIndex(listener: GatewayListener, api: ApiFlavor): Map<string, ScopeHosts> {
  let perApi = INDEXES.get(listener);
  if (!perApi) {
    perApi = new Map();
    INDEXES.set(listener, perApi);
  }
  const cached = perApi.get(api);
  const namespaceCount = listener.routeNamespaces?.namespaces.length ?? 0;
  if (
    cached &&
    cached.hosts === listener.hosts &&
    cached.hostCount === listener.hosts.length &&
    cached.routeNamespaces === listener.routeNamespaces &&
    cached.namespaceCount === namespaceCount
  ) {
    return cached.byScope;
  }
  const byScope = new Map<string, ScopeHosts>();
  for (const { namespace, host } of listenerScopes(listener, api)) {
    let hosts = byScope.get(namespace);
    if (!hosts) {
      hosts = { count: 0, exact: new Set(), wildcards: new Set(), parents: new Set() };
      byScope.set(namespace, hosts);
    }
    hosts.count++;
    hosts.exact.add(host);
    if (host.startsWith('*.')) hosts.wildcards.add(host.slice(1));
    for (const suffix of dotSuffixes(host, 1)) hosts.parents.add(suffix);
  }
  perApi.set(api, {
    hosts: listener.hosts,
    hostCount: listener.hosts.length,
    routeNamespaces: listener.routeNamespaces,
    namespaceCount,
    byScope,
  });
  return byScope;
}
