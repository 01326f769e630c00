import { IConstruct } from 'constructs';
import { isIpLiteral, isValidHost, meantHost, patternsCovering, scopeAdmits } from './hosts';
import { isDnsLabel, isDnsSubdomain, isPort, q } from './names';
import { listenersServe } from './served-hosts';
import { hasNumericTopLevelLabel } from './webhook';
import { ApiFlavor } from '../api-flavor';
import { ListenerProtocol, PassthroughMode } from '../listener';
import { GatewayModel } from '../model/gateway';
import { listenerScopes } from '../model/listener-scope';
import type { AppRegistry } from '../model/registry';
import { StreamRouteModel, StreamRuleModel } from '../model/route';
import { RouteNamespacesKind } from '../route-namespaces';

/** The rules for a TLS passthrough or TCP route. */
export function streamRouteProblems(route: StreamRouteModel, api: ApiFlavor, gateway: GatewayModel | undefined, registry: AppRegistry): string[] {
  const problems: string[] = [];
  const what = route.kind === 'tls' ? 'TLS route' : 'TCP route';
  if (!isDnsSubdomain(route.name)) problems.push(`${what} name ${q(route.name)} is not a DNS-1123 subdomain.`);
  if (api === ApiFlavor.GATEWAY_API && route.rules.length > 1) {
    problems.push(`${what} has ${route.rules.length} rules, but a Gateway API ${route.kind === 'tls' ? 'TLSRoute' : 'TCPRoute'} holds one; use one route per port.`);
  }
  for (const rule of route.rules) {
    problems.push(...ruleProblems(route, rule, api));
    if (api === ApiFlavor.ISTIO) problems.push(...subsetProblems(route, rule, registry));
    if (gateway) problems.push(...boundListenerProblems(route, rule, api, gateway, registry));
  }
  return problems;
}

/** A subset must be defined by a backend policy (DestinationRule) for its host (Istio's IST0101). */
function subsetProblems(route: StreamRouteModel, rule: StreamRuleModel, registry: AppRegistry): string[] {
  const what = route.kind === 'tls' ? 'TLS route' : 'TCP route';
  const problems: string[] = [];
  for (const b of rule.backends) {
    if (b.subset === undefined) continue;
    const policies = patternsCovering(b.host).flatMap((pattern) => registry.backendPoliciesByHost().get(pattern) ?? []);
    if (!policies.some((p) => p.subsets.some((s) => s.name === b.subset))) {
      problems.push(
        `${what}: backend ${q(`${b.serviceName}.${b.namespace}:${b.port}`)} names subset ${q(b.subset)}, but no BackendPolicy (DestinationRule) in this app ` +
          `defines it for ${q(b.host)}; define the subset with new BackendPolicy(..., { subsets: [...] }).`,
      );
    }
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
        const meant = meantHost(host);
        problems.push(
          `TLS route SNI host ${q(host)} is not a DNS name; ` +
            (meant !== undefined ? `write ${q(meant)} (the name alone, as clients send it in SNI).` : 'use a name like "nginx.example.com" or "*.example.com".'),
        );
      } else if (api === ApiFlavor.ISTIO && hasNumericTopLevelLabel(host)) {
        problems.push(`TLS route SNI host ${q(host)} ends in an all-numeric label, which Istio refuses in a host name; write a DNS name.`);
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
  if (rule.backends.length > 1 && rule.backends.every((b) => b.weight === 0)) {
    problems.push(`${what}: every backend has weight 0, so no connection would be served; give at least one a positive weight.`);
  }
  if (api === ApiFlavor.GATEWAY_API && rule.backends.length > 16) {
    problems.push(`${what} has ${rule.backends.length} backends, more than the 16 a Gateway API route rule holds (backendRefs); forward to at most 16.`);
  }
  for (const b of rule.backends) {
    const name = `backend ${q(`${b.serviceName}.${b.namespace}:${b.port}`)}`;
    if (!isDnsLabel(b.serviceName) || !isDnsLabel(b.namespace)) problems.push(`${name}: Service name and namespace must be DNS-1123 labels.`);
    if (!isPort(b.port)) problems.push(`${name}: port ${b.port} is out of range; use a whole number from 1 to 65535.`);
    if (b.weight !== undefined && !(Number.isInteger(b.weight) && b.weight >= 0 && b.weight <= 1_000_000)) {
      problems.push(`${name}: weight ${b.weight} must be a whole number from 0 to 1000000 (weights are relative).`);
    }
    if (b.subset !== undefined && api === ApiFlavor.GATEWAY_API) {
      problems.push(`${name} names subset ${q(b.subset)}, an Istio API feature the Gateway API cannot express; route to a Service per version.`);
    }
  }
  return problems;
}

function boundListenerProblems(
  route: StreamRouteModel,
  rule: StreamRuleModel,
  api: ApiFlavor,
  gateway: GatewayModel,
  registry: AppRegistry,
): string[] {
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
  if (!listeners.some((l) => listenerScopes(l, api).some((s) => scopeAdmits(s.namespace, gateway.namespace, route.namespace)))) {
    const what = route.kind === 'tls' ? 'TLS route' : 'TCP route';
    if (listeners.every((l) => l.routeNamespaces?.kind === RouteNamespacesKind.NAMED)) {
      const named = [...new Set(listeners.flatMap((l) => l.routeNamespaces!.namespaces))];
      return [
        `${what} in namespace ${q(route.namespace)} is not admitted by any ${protocol} listener of gateway ${ref} (their routeNamespaces name ${named.map(q).join(', ')}); ` +
          `add it: routeNamespaces: RouteNamespaces.named([${[...named, route.namespace].map(q).join(', ')}]), or put the route in one of those namespaces.`,
      ];
    }
    return [
      `${what} in namespace ${q(route.namespace)} is not admitted by any ${protocol} listener of gateway ${ref} ` +
        `(by default, a listener admits only routes in the gateway's namespace ${q(gateway.namespace)}); ` +
        `open the listener with routeNamespaces: RouteNamespaces.named([${q(route.namespace)}]) or RouteNamespaces.all(), or put the route in ${q(gateway.namespace)}.`,
    ];
  }
  if (route.kind === 'tcp') return [];
  return rule.hosts
    .filter((h) => isValidHost(h) && !listenersServe(registry, listeners, api, gateway.namespace, route.namespace, h))
    .map((h) => `TLS route SNI host ${q(h)} is not served by a TLS passthrough listener of gateway ${ref}; add it to the listener's hosts.`);
}

/**
 * Two routes of one gateway that claim the same stream: the same SNI host (TLS; on a common port)
 * or the same port (TCP). Istio resolves them silently: with the Istio API the filter chains of
 * both VirtualServices match the same server name (or port), and the first one wins; with the
 * Gateway API the oldest route wins the listener conflict. An exact host only: a wildcard and a name
 * under it are two filter chains, the more specific one matching first.
 */
export function streamConflictProblems(
  route: IConstruct,
  gatewayScope: IConstruct,
  model: StreamRouteModel,
  api: ApiFlavor,
  registry: AppRegistry,
): string[] {
  const problems: string[] = [];
  const gateway = `${model.gateway.namespace}/${model.gateway.name}`;
  const reported = new Set<string>();
  // One gateway: the same construct, or the same `<namespace>/<name>` where one side is a reference
  // to a gateway defined elsewhere. Two gateways of this app with one name are on different
  // clusters (or already refused as one object written twice).
  const local = registry.definesGateway(gatewayScope);
  const sameGateway = (other: IConstruct, ref: string) =>
    other === gatewayScope || (ref === gateway && (!local || !registry.definesGateway(other)));
  for (const { route: other, claims } of registry.streamRouteClaims()) {
    if (other === route) continue;
    for (const rule of model.rules) {
      for (const claim of claims) {
        if (claim.kind !== model.kind || !sameGateway(claim.gateway, claim.gatewayRef)) continue;
        if (rule.port !== undefined && claim.port !== undefined && rule.port !== claim.port) continue;
        if (model.kind === 'tcp') {
          const key = `${other.node.path} ${rule.port}`;
          if (reported.has(key)) continue;
          reported.add(key);
          problems.push(
            `TCP route port ${rule.port} of gateway ${gateway} is also routed by ${other.node.path}; ` +
              `${api === ApiFlavor.ISTIO ? 'Istio keeps the oldest VirtualService\'s route for it only' : 'only the oldest TCPRoute is attached to the listener'}: route each port with one TcpRoute.`,
          );
          continue;
        }
        for (const host of rule.hosts.filter((h) => claim.hosts.includes(h))) {
          const key = `${other.node.path} ${host}`;
          if (reported.has(key)) continue;
          reported.add(key);
          const port = rule.port ?? claim.port;
          problems.push(
            `TLS route SNI host ${q(host)}${port !== undefined ? ` on port ${port}` : ''} of gateway ${gateway} is also routed by ${other.node.path}; ` +
              `${api === ApiFlavor.ISTIO ? 'Istio keeps the oldest VirtualService\'s route for it only' : 'the oldest TLSRoute wins the hostname'}: route each SNI host with one route.`,
          );
        }
      }
    }
  }
  return problems;
}
