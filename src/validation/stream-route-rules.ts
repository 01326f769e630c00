import { isIpLiteral, isValidHost } from './hosts';
import { isDnsLabel, isDnsSubdomain, isPort, q } from './names';
import { listenersServe } from './served-hosts';
import { ApiFlavor } from '../api-flavor';
import { ListenerProtocol, PassthroughMode } from '../listener';
import { GatewayModel } from '../model/gateway';
import { StreamRouteModel, StreamRuleModel } from '../model/route';

/** The rules for a TLS passthrough or TCP route. */
export function streamRouteProblems(route: StreamRouteModel, api: ApiFlavor, gateway: GatewayModel | undefined): string[] {
  const problems: string[] = [];
  const what = route.kind === 'tls' ? 'TLS route' : 'TCP route';
  if (!isDnsSubdomain(route.name)) problems.push(`${what} name ${q(route.name)} is not a DNS-1123 subdomain.`);
  if (api === ApiFlavor.GATEWAY_API && route.rules.length > 1) {
    problems.push(`${what} has ${route.rules.length} rules, but a Gateway API ${route.kind === 'tls' ? 'TLSRoute' : 'TCPRoute'} holds one; use one route per port.`);
  }
  for (const rule of route.rules) {
    problems.push(...ruleProblems(route, rule, api));
    if (gateway) problems.push(...boundListenerProblems(route, rule, api, gateway));
  }
  return problems;
}

function ruleProblems(route: StreamRouteModel, rule: StreamRuleModel, api: ApiFlavor): string[] {
  const problems: string[] = [];
  const what = route.kind === 'tls' ? 'TLS route' : 'TCP route';
  if (route.kind === 'tls') {
    if (rule.hosts.length === 0) problems.push('TLS route has no SNI hosts; give at least one host name.');
    for (const host of rule.hosts) {
      if (!isValidHost(host)) {
        problems.push(`TLS route SNI host ${q(host)} is not a DNS name; use a name like "nginx.example.com" or "*.example.com".`);
      } else if (isIpLiteral(host)) {
        problems.push(`TLS route SNI host ${q(host)} is an IP address, which TLS clients never send as SNI (RFC 6066); use the DNS name clients connect to.`);
      } else if (host === '*' && api === ApiFlavor.GATEWAY_API) {
        problems.push('TLS route SNI host "*" (any) is an Istio API form; a TLSRoute needs host names such as "istiod.istio-system.svc".');
      }
    }
  }
  if (rule.port !== undefined && !isPort(rule.port)) {
    problems.push(`${what} port ${rule.port} is out of range; use a whole number from 1 to 65535.`);
  }
  if (rule.backends.length === 0) problems.push(`${what} has no backend; pass at least one Backend.service().`);
  if (api === ApiFlavor.GATEWAY_API && rule.backends.length > 16) {
    problems.push(`${what} has ${rule.backends.length} backends, more than the 16 a Gateway API route rule holds (backendRefs); forward to at most 16.`);
  }
  for (const b of rule.backends) {
    const name = `backend ${q(`${b.serviceName}.${b.namespace}:${b.port}`)}`;
    if (!isDnsLabel(b.serviceName) || !isDnsLabel(b.namespace)) problems.push(`${name}: Service name and namespace must be DNS-1123 labels.`);
    if (!isPort(b.port)) problems.push(`${name}: port ${b.port} is out of range; use a whole number from 1 to 65535.`);
    if (b.subset !== undefined && api === ApiFlavor.GATEWAY_API) {
      problems.push(`${name} names subset ${q(b.subset)}, an Istio API feature the Gateway API cannot express; route to a Service per version.`);
    }
  }
  return problems;
}

function boundListenerProblems(route: StreamRouteModel, rule: StreamRuleModel, api: ApiFlavor, gateway: GatewayModel): string[] {
  const ref = `${gateway.namespace}/${gateway.name}`;
  const protocol = route.kind === 'tls' ? ListenerProtocol.TLS : ListenerProtocol.TCP;
  const listeners = gateway.listeners.filter(
    (l) => l.protocol === protocol && l.passthroughMode !== PassthroughMode.AUTO && (rule.port === undefined || l.port === rule.port),
  );
  if (listeners.length === 0) {
    const factory = route.kind === 'tls' ? 'GatewayListener.tlsPassthrough()' : 'GatewayListener.tcp()';
    const at = rule.port !== undefined ? ` on port ${rule.port}` : '';
    return [`gateway ${ref} has no ${protocol} listener${at} for this route; add ${factory}${at}.`];
  }
  if (route.kind === 'tcp') return [];
  return rule.hosts
    .filter((h) => isValidHost(h) && !listenersServe(listeners, api, gateway.namespace, route.namespace, h))
    .map((h) => `TLS route SNI host ${q(h)} is not served by a TLS passthrough listener of gateway ${ref}; add it to the listener's hosts.`);
}
