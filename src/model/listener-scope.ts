import { ApiFlavor } from '../api-flavor';
import { GatewayListener, PassthroughMode } from '../listener';
import { RouteNamespacesKind } from '../route-namespaces';
import { parseScopedHost, ScopedHost } from '../validation/hosts';

/**
 * The hosts a listener serves, each with the namespaces whose routes may bind to it, as the gateway
 * will apply them. One answer for the validation and both renderers:
 *
 * - no `routeNamespaces`: the gateway's own namespace (Istio API `./host`, Gateway API `Same`); an
 *   Istio API host the user scoped (`ns/host`) keeps its scope; an auto-passthrough listener, which
 *   no route binds to, keeps its hosts as written (unscoped: any namespace);
 * - `same()` → `./host`, `all()` → `*\/host`, `named([a, b])` → `a/host`, `b/host`.
 */
export function listenerScopes(listener: GatewayListener, api: ApiFlavor): ScopedHost[] {
  const scopes = listener.routeNamespaces;
  const plain = listener.hosts.map((h) => parseScopedHost(h).host);
  if (!scopes) {
    if (api === ApiFlavor.GATEWAY_API) return plain.map((host) => ({ namespace: '.', host }));
    if (listener.passthroughMode === PassthroughMode.AUTO) return listener.hosts.map(parseScopedHost);
    return listener.hosts.map((h) => (h.includes('/') ? parseScopedHost(h) : { namespace: '.', host: h }));
  }
  switch (scopes.kind) {
    case RouteNamespacesKind.SAME:
      return plain.map((host) => ({ namespace: '.', host }));
    case RouteNamespacesKind.ALL:
      return plain.map((host) => ({ namespace: '*', host }));
    case RouteNamespacesKind.NAMED:
      return scopes.namespaces.flatMap((namespace) => plain.map((host) => ({ namespace, host })));
  }
}

/**
 * Istio server hosts, each scoped to the namespaces whose routes may bind to it: the gateway's own
 * (`./host`) unless the listener or the user opened it. Auto-passthrough hosts stay as written.
 */
export function istioServerHosts(listener: GatewayListener): string[] {
  if (!listener.routeNamespaces && listener.passthroughMode === PassthroughMode.AUTO) return listener.hosts;
  return listenerScopes(listener, ApiFlavor.ISTIO).map((s) => `${s.namespace}/${s.host}`);
}
