/**
 * The benchmark's app: one gateway `default/public` with one HTTP listener on port 80, and N HTTP
 * routes, route i serving host `svc-i.example.com` with one rule that forwards every request to
 * Service `svc-i` on port 8080.
 *
 * The same YAML is built twice: with this library's constructs, and by hand with plain cdk8s
 * `ApiObject`s (the floor: what cdk8s itself costs to write these objects).
 */

/** Which API the gateway and routes are written in. */
export type ApiName = 'istio' | 'gateway-api';

/**
 * How the listener names its hosts:
 * - `listed`: every route host, one by one (N hosts; with the Gateway API, N listeners);
 * - `wildcard`: `*.example.com` (one host).
 */
export type HostsMode = 'listed' | 'wildcard';

/** What to build. */
export interface Scenario {
  readonly api: ApiName;
  readonly routes: number;
  readonly hosts: HostsMode;
}

export const NAMESPACE = 'default';
export const GATEWAY = 'public';

export function routeName(i: number): string {
  return `svc-${i}`;
}

export function routeHost(i: number): string {
  return `svc-${i}.example.com`;
}

export function listenerHosts(s: Scenario): string[] {
  if (s.hosts === 'wildcard') return ['*.example.com'];
  const hosts = new Array<string>(s.routes);
  for (let i = 0; i < s.routes; i++) hosts[i] = routeHost(i);
  return hosts;
}
