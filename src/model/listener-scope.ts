import { ApiFlavor } from '../api-flavor';
import { GatewayListener } from '../listener';
import { RouteNamespacesKind } from '../route-namespaces';
import { parseScopedHost, ScopedHost } from '../validation/hosts';

/**
 * The hosts a listener serves, each with the namespaces whose routes may bind to it, as the gateway
 * will apply them. One answer for the validation and both renderers:
 *
 * - no `routeNamespaces`: Istio API hosts as written (`ns/host` allowed, plain = any namespace);
 *   Gateway API listeners admit their own namespace only (`Same`);
 * - `same()` → `./host`, `all()` → `*\/host`, `named([a, b])` → `a/host`, `b/host`.
 */
export function listenerScopes(listener: GatewayListener, api: ApiFlavor): ScopedHost[] {
  const scopes = listener.routeNamespaces;
  const plain = listener.hosts.map((h) => parseScopedHost(h).host);
  if (!scopes) {
    return api === ApiFlavor.GATEWAY_API ? plain.map((host) => ({ namespace: '.', host })) : listener.hosts.map(parseScopedHost);
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

/** Istio server hosts: scoped only where the listener (or the user) scoped them. */
export function istioServerHosts(listener: GatewayListener): string[] {
  if (!listener.routeNamespaces) return listener.hosts;
  return listenerScopes(listener, ApiFlavor.ISTIO).map((s) => `${s.namespace}/${s.host}`);
}
