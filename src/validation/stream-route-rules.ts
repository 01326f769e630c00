import { hostsIntersect, isValidHost, scopeAdmits } from './hosts';
import { isDnsLabel, isDnsSubdomain, isPort, q } from './names';
import { ApiFlavor } from '../api-flavor';
import { ListenerProtocol } from '../listener';
import { GatewayModel } from '../model/gateway';
import { listenerScopes } from '../model/listener-scope';
import { StreamRouteModel } from '../model/route';

/** The rules for a TLS passthrough or TCP route. */
export function streamRouteProblems(route: StreamRouteModel, api: ApiFlavor, gateway: GatewayModel | undefined): string[] {
  const problems: string[] = [];
  const what = route.kind === 'tls' ? 'TLS route' : 'TCP route';
  if (!isDnsSubdomain(route.name)) problems.push(`${what} name ${q(route.name)} is not a DNS-1123 subdomain.`);
  if (route.kind === 'tls') {
    if (route.hosts.length === 0) problems.push('TLS route has no SNI hosts; give at least one host name.');
    for (const host of route.hosts) {
      if (!isValidHost(host) || host === '*') {
        problems.push(`TLS route SNI host ${q(host)} is not a DNS name; use a name like "nginx.example.com" or "*.example.com".`);
      }
    }
  }
  if (route.port !== undefined && !isPort(route.port)) {
    problems.push(`${what} port ${route.port} is out of range; use a whole number from 1 to 65535.`);
  }
  if (route.backends.length === 0) problems.push(`${what} has no backend; pass at least one Backend.service().`);
  for (const b of route.backends) {
    const name = `backend ${q(`${b.serviceName}.${b.namespace}:${b.port}`)}`;
    if (!isDnsLabel(b.serviceName) || !isDnsLabel(b.namespace)) problems.push(`${name}: Service name and namespace must be DNS-1123 labels.`);
    if (!isPort(b.port)) problems.push(`${name}: port ${b.port} is out of range; use a whole number from 1 to 65535.`);
    if (b.subset !== undefined && api === ApiFlavor.GATEWAY_API) {
      problems.push(`${name} names subset ${q(b.subset)}, an Istio API feature the Gateway API cannot express; route to a Service per version.`);
    }
  }
  if (gateway) problems.push(...boundListenerProblems(route, api, gateway));
  return problems;
}

function boundListenerProblems(route: StreamRouteModel, api: ApiFlavor, gateway: GatewayModel): string[] {
  const ref = `${gateway.namespace}/${gateway.name}`;
  const protocol = route.kind === 'tls' ? ListenerProtocol.TLS : ListenerProtocol.TCP;
  const listeners = gateway.listeners.filter((l) => l.protocol === protocol && (route.port === undefined || l.port === route.port));
  if (listeners.length === 0) {
    const factory = route.kind === 'tls' ? 'GatewayListener.tlsPassthrough()' : 'GatewayListener.tcp()';
    const at = route.port !== undefined ? ` on port ${route.port}` : '';
    return [`gateway ${ref} has no ${protocol} listener${at} for this route; add ${factory}${at}.`];
  }
  if (route.kind === 'tcp') return [];
  const served = listeners.flatMap((l) => listenerScopes(l, api)).filter((s) => scopeAdmits(s.namespace, gateway.namespace, route.namespace));
  return route.hosts
    .filter((h) => isValidHost(h) && !served.some((s) => hostsIntersect(s.host, h)))
    .map((h) => `TLS route SNI host ${q(h)} is not served by a TLS passthrough listener of gateway ${ref}; add it to the listener's hosts.`);
}
