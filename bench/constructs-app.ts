import { App, Chart } from 'cdk8s';
import { listenerHosts, NAMESPACE, GATEWAY, routeHost, routeName, Scenario } from './scenario';
import type * as Library from '../src';

/**
 * The app with the library's constructs. `lib` is the library: this repository's src/ by default,
 * or another build of it (the JavaScript inside the Python package, for the Python comparison).
 */
export function build(app: App, s: Scenario, lib: typeof Library = loadLibrary()): void {
  const { ApiFlavor, Backend, GatewayListener, HttpRouteAction, IngressGateway } = lib;
  const chart = new Chart(app, 'bench', { namespace: NAMESPACE });
  const gateway = new IngressGateway(chart, 'gateway', {
    api: s.api === 'istio' ? ApiFlavor.ISTIO : ApiFlavor.GATEWAY_API,
    name: GATEWAY,
    listeners: [GatewayListener.http({ hosts: listenerHosts(s) })],
  });
  for (let i = 0; i < s.routes; i++) {
    const name = routeName(i);
    gateway.addHttpRoute(name, {
      name,
      hosts: [routeHost(i)],
      rules: [{ action: HttpRouteAction.forward([Backend.service(name, { port: 8080 })]) }],
    });
  }
}

/** The library at `path` (a module path), or this repository's src/. */
export function loadLibrary(path?: string): typeof Library {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return path ? require(path) : require('../src');
}
