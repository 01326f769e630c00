import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import {
  EgressObjects,
  mutualTlsPortSettings,
  renderAuthorizationPolicy,
  renderClientNetworkPolicies,
  renderOriginationRule,
  renderServiceEntries,
} from './egress-istio-api';
import * as gw from '../../imports/gateway.networking.k8s.io';
import * as istio from '../../imports/networking.istio.io';
import { clientProtocol, destinationHost, destinationPort, EgressRouteModel, gatewayProtocol, perPortName, portName } from '../model/egress';

/** The annotation that makes Istio deploy a Gateway's workload behind a ClusterIP Service. */
export const SERVICE_TYPE_ANNOTATION = 'networking.istio.io/service-type';

/**
 * Renders an egress route as Istio documents it with the Gateway API: the ServiceEntry, a Gateway
 * of class `istio` whose workload Istio deploys behind a ClusterIP Service (`<gateway>-istio`), and
 * per port a route whose parent is the ServiceEntry, sending to that Service, and a route from the
 * gateway's listener to the external host (a backendRef of kind `Hostname`). DestinationRules, which
 * Istio applies with either API, add mutual TLS (and load balancing) toward the gateway and TLS
 * origination.
 */
export function renderGatewayApiEgress(scope: Construct, route: EgressRouteModel): EgressObjects {
  const entries = renderServiceEntries(scope, route);
  const gateway = new gw.Gateway(scope, 'Gateway', {
    metadata: {
      name: route.gateway.name,
      namespace: route.gateway.namespace,
      annotations: { [SERVICE_TYPE_ANNOTATION]: 'ClusterIP' },
    },
    spec: Lazy.any({ produce: () => gatewaySpec(route) }),
  });
  const destinationRules: ApiObject[] = [];
  if (route.mutualTls || route.loadBalancer) {
    destinationRules.push(
      new istio.DestinationRule(scope, 'GatewayPolicy', {
        metadata: { name: route.names.gatewayRule, namespace: route.gateway.workloadNamespace },
        spec: Lazy.any({
          produce: (): istio.DestinationRuleSpec => ({
            host: route.gateway.serviceHost,
            trafficPolicy: {
              loadBalancer: route.loadBalancer
                ? { simple: route.loadBalancer as istio.DestinationRuleSpecTrafficPolicyLoadBalancerSimple }
                : undefined,
              portLevelSettings: route.mutualTls
                ? (mutualTlsPortSettings(route) as istio.DestinationRuleSpecTrafficPolicyPortLevelSettings[])
                : undefined,
            },
          }),
        }),
      }),
    );
  }
  const origination = renderOriginationRule(scope, route);
  if (origination) destinationRules.push(origination);
  const authorizationPolicy = renderAuthorizationPolicy(scope, route);
  const networkPolicies = renderClientNetworkPolicies(scope, route);

  const tls = clientProtocol(route) === 'TLS';
  // A repeated port is reported by the rules, not rendered twice.
  const ports = [...new Set(route.ports)];
  const gatewayRoutes = ports.map((port) => {
    const meta = { name: perPortName(route, route.names.gatewayRoute, port), namespace: route.namespace };
    const spec = Lazy.any({ produce: () => gatewayRouteSpec(route, port) });
    return tls
      ? new gw.TlsRoute(scope, `GatewayRoute-${port}`, { metadata: meta, spec })
      : new gw.HttpRoute(scope, `GatewayRoute-${port}`, { metadata: meta, spec });
  });
  const meshRoutes = ports.map((port) => {
    const meta = { name: perPortName(route, route.names.meshRoute, port), namespace: route.namespace };
    const spec = Lazy.any({ produce: () => meshRouteSpec(route, port) });
    const meshRoute = tls
      ? new gw.TlsRoute(scope, `MeshRoute-${port}`, { metadata: meta, spec })
      : new gw.HttpRoute(scope, `MeshRoute-${port}`, { metadata: meta, spec });
    // Make-before-break: clients are sent to the gateway only once it can send on.
    const dependencies = [entries.host, entries.target, gateway, ...gatewayRoutes, ...destinationRules, authorizationPolicy, ...networkPolicies];
    for (const dependency of dependencies) if (dependency) meshRoute.node.addDependency(dependency);
    return meshRoute;
  });
  return {
    serviceEntry: entries.host,
    targetServiceEntry: entries.target,
    gateway,
    routes: [...meshRoutes, ...gatewayRoutes],
    destinationRules,
    authorizationPolicy,
    networkPolicies,
  };
}

function gatewaySpec(route: EgressRouteModel): gw.GatewaySpec {
  const protocol = gatewayProtocol(route);
  return {
    gatewayClassName: 'istio',
    listeners: route.ports.map((port) => ({
      name: portName(protocol, port),
      hostname: route.host,
      port,
      protocol,
      tls:
        protocol === 'TLS'
          ? { mode: gw.GatewaySpecListenersTlsMode.PASSTHROUGH }
          : protocol === 'HTTPS'
            ? { mode: gw.GatewaySpecListenersTlsMode.TERMINATE, options: { 'gateway.istio.io/tls-terminate-mode': 'ISTIO_MUTUAL' } }
            : undefined,
      allowedRoutes: { namespaces: { from: gw.GatewaySpecListenersAllowedRoutesNamespacesFrom.SAME } },
    })),
  };
}

/**
 * The mesh leg: bound to the ServiceEntry (on the port, when there are several), to the gateway's
 * Service on the same port. A TLSRoute must name its SNI hosts.
 */
function meshRouteSpec(route: EgressRouteModel, port: number): gw.HttpRouteSpec | gw.TlsRouteSpec {
  const parentRefs = [
    {
      group: 'networking.istio.io',
      kind: 'ServiceEntry',
      name: route.names.serviceEntry,
      namespace: route.namespace,
      port: route.ports.length > 1 ? port : undefined,
    },
  ];
  const rules = [{ backendRefs: [{ name: route.gateway.serviceName, namespace: route.gateway.workloadNamespace, port }] }];
  return clientProtocol(route) === 'TLS' ? { parentRefs, hostnames: [route.host], rules } : { parentRefs, rules };
}

/** The gateway leg: bound to the port's listener, to the external host (a wildcard's target). */
function gatewayRouteSpec(route: EgressRouteModel, port: number): gw.HttpRouteSpec | gw.TlsRouteSpec {
  return {
    parentRefs: [{ name: route.gateway.name, namespace: route.gateway.namespace, sectionName: portName(gatewayProtocol(route), port) }],
    hostnames: [route.host],
    rules: [
      {
        backendRefs: [{ group: 'networking.istio.io', kind: 'Hostname', name: destinationHost(route), port: destinationPort(route, port) }],
      },
    ],
  };
}
