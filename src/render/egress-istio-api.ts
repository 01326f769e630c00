import { ApiObject, Lazy } from 'cdk8s';
import { Construct } from 'constructs';
import * as istio from '../../imports/networking.istio.io';
import * as security from '../../imports/security.istio.io';
import { kube } from '../kube';
import {
  clientProtocol,
  destinationHost,
  destinationPort,
  EgressPortModel,
  EgressRouteModel,
  gatewayProtocol,
  gatewaySni,
  hostEntryPorts,
  isWildcard,
  originationSubjectAltNames,
  portName,
  targetEntryPorts,
} from '../model/egress';

/** The objects of one egress route, whichever API they are written in. */
export interface EgressObjects {
  readonly serviceEntry: ApiObject;
  readonly targetServiceEntry?: ApiObject;
  readonly gateway: ApiObject;
  /** The VirtualService (Istio API), or the mesh and gateway routes (Gateway API). */
  readonly routes: ApiObject[];
  readonly destinationRules: ApiObject[];
  readonly authorizationPolicy?: ApiObject;
  readonly networkPolicies: ApiObject[];
}

/**
 * Renders an egress route as Istio's API, as Istio's egress tasks write it: the ServiceEntry, a
 * Gateway on the egress workload, a DestinationRule with the route's subset of the egress gateway's
 * Service in each client namespace, and one VirtualService bound to the gateway and to `mesh` with
 * both legs for every port.
 */
export function renderIstioApiEgress(scope: Construct, route: EgressRouteModel): EgressObjects {
  const entries = renderServiceEntries(scope, route);
  const gateway = new istio.Gateway(scope, 'Gateway', {
    metadata: { name: route.gateway.name, namespace: route.gateway.namespace },
    spec: Lazy.any({ produce: () => gatewaySpec(route) }),
  });
  // A DestinationRule is found on the lookup path of the client's namespace, the Service's and the
  // root namespace only (exportTo cannot reach further), so each client namespace gets its own.
  const destinationRules: ApiObject[] = unique(route.clientNamespaces).map(
    (namespace) =>
      new istio.DestinationRule(scope, `EgressSubset-${namespace}`, {
        metadata: { name: route.names.gatewayRule, namespace },
        spec: Lazy.any({ produce: () => subsetRuleSpec(route) }),
      }),
  );
  const origination = renderOriginationRule(scope, route);
  if (origination) destinationRules.push(origination);
  const virtualService = new istio.VirtualService(scope, 'VirtualService', {
    metadata: { name: route.names.virtualService, namespace: route.namespace },
    spec: Lazy.any({ produce: () => virtualServiceSpec(route) }),
  });
  const authorizationPolicy = renderAuthorizationPolicy(scope, route);
  const networkPolicies = renderClientNetworkPolicies(scope, route);
  // Make-before-break: the legs start sending only once everything they send to exists.
  for (const dependency of [entries.host, entries.target, gateway, ...destinationRules, authorizationPolicy, ...networkPolicies]) {
    if (dependency) virtualService.node.addDependency(dependency);
  }
  return {
    serviceEntry: entries.host,
    targetServiceEntry: entries.target,
    gateway,
    routes: [virtualService],
    destinationRules,
    authorizationPolicy,
    networkPolicies,
  };
}

/**
 * The ServiceEntry of the host, and for a wildcard host the ServiceEntry of its concrete target.
 * Resolution is held by construction: DNS for a concrete host (NONE would make the gateway send the
 * traffic to itself), NONE for a wildcard, which cannot be resolved; the gateway leg sends to the
 * target, resolved by DNS and visible to the egress gateway only. Both APIs use these.
 */
export function renderServiceEntries(scope: Construct, route: EgressRouteModel): { host: ApiObject; target?: ApiObject } {
  const wildcard = isWildcard(route.host);
  const host = new istio.ServiceEntry(scope, 'Resource', {
    metadata: { name: route.names.serviceEntry, namespace: route.namespace },
    spec: Lazy.any({
      produce: (): istio.ServiceEntrySpec => ({
        hosts: [route.host],
        ports: hostEntryPorts(route).map(entryPort),
        resolution: wildcard ? istio.ServiceEntrySpecResolution.NONE : istio.ServiceEntrySpecResolution.DNS,
      }),
    }),
  });
  if (!wildcard) return { host };
  const target = new istio.ServiceEntry(scope, 'TargetServiceEntry', {
    metadata: { name: route.names.targetServiceEntry, namespace: route.namespace },
    spec: Lazy.any({
      produce: (): istio.ServiceEntrySpec => ({
        hosts: [destinationHost(route)],
        exportTo: [route.gateway.workloadNamespace === route.namespace ? '.' : route.gateway.workloadNamespace],
        ports: targetEntryPorts(route).map(entryPort),
        resolution: istio.ServiceEntrySpecResolution.DNS,
      }),
    }),
  });
  return { host, target };
}

function entryPort(port: EgressPortModel): istio.ServiceEntrySpecPorts {
  return { number: port.number, name: port.name, protocol: port.protocol };
}

function gatewaySpec(route: EgressRouteModel): istio.GatewaySpec {
  const protocol = gatewayProtocol(route);
  return {
    selector: route.gateway.selector,
    servers: route.ports.map((port) => ({
      port: { number: port, name: portName(protocol, port), protocol },
      // Only the route's own VirtualService, in the Gateway's namespace, binds to it.
      hosts: [`./${route.host}`],
      tls:
        protocol === 'TLS'
          ? { mode: istio.GatewaySpecServersTlsMode.PASSTHROUGH }
          : protocol === 'HTTPS'
            ? { mode: istio.GatewaySpecServersTlsMode.ISTIO_UNDERSCORE_MUTUAL }
            : undefined,
    })),
  };
}

/** The route's subset of the egress gateway's Service; with mutual TLS, its ISTIO_MUTUAL and SNI per port. */
function subsetRuleSpec(route: EgressRouteModel): istio.DestinationRuleSpec {
  const loadBalancer = route.loadBalancer
    ? { simple: route.loadBalancer as istio.DestinationRuleSpecSubsetsTrafficPolicyLoadBalancerSimple }
    : undefined;
  const portLevelSettings = route.mutualTls
    ? (mutualTlsPortSettings(route) as istio.DestinationRuleSpecSubsetsTrafficPolicyPortLevelSettings[])
    : undefined;
  return {
    host: route.gateway.serviceHost,
    subsets: [
      {
        name: route.names.subset,
        trafficPolicy: loadBalancer || portLevelSettings ? { loadBalancer, portLevelSettings } : undefined,
      },
    ],
  };
}

/**
 * ISTIO_MUTUAL toward the egress gateway on each client port, with the SNI its HTTPS server matches.
 * Also the Gateway API's DestinationRule for the gateway Istio deploys.
 */
export function mutualTlsPortSettings(route: EgressRouteModel): Array<{ port: { number: number }; tls: { mode: string; sni: string } }> {
  return route.ports.map((port) => ({ port: { number: port }, tls: { mode: 'ISTIO_MUTUAL', sni: gatewaySni(route) } }));
}

function virtualServiceSpec(route: EgressRouteModel): istio.VirtualServiceSpec {
  const gateway = `${route.gateway.namespace}/${route.gateway.name}`;
  const toGateway = (port: number) => [
    { destination: { host: route.gateway.serviceHost, subset: route.names.subset, port: { number: port } }, weight: 100 },
  ];
  const toHost = (port: number) => [
    { destination: { host: destinationHost(route), port: { number: destinationPort(route, port) } }, weight: 100 },
  ];
  const spec = { hosts: [route.host], gateways: [gateway, 'mesh'] };
  if (clientProtocol(route) === 'TLS') {
    const sniHosts = [route.host];
    return {
      ...spec,
      tls: route.ports.flatMap((port) => [
        { match: [{ gateways: ['mesh'], port, sniHosts }], route: toGateway(port) },
        { match: [{ gateways: [gateway], port, sniHosts }], route: toHost(port) },
      ]),
    };
  }
  return {
    ...spec,
    http: route.ports.flatMap((port) => [
      { match: [{ gateways: ['mesh'], port }], route: toGateway(port) },
      { match: [{ gateways: [gateway], port }], route: toHost(port) },
    ]),
  };
}

/**
 * TLS origination: a DestinationRule for the external host (a wildcard's target) that originates
 * SIMPLE or MUTUAL TLS on its TLS port. It sits in the ServiceEntry's namespace, exported everywhere,
 * so the egress gateway finds it wherever it runs. Istio applies it whichever API the routes use.
 */
export function renderOriginationRule(scope: Construct, route: EgressRouteModel): ApiObject | undefined {
  if (route.mode !== 'TLS_ORIGINATION') return undefined;
  return new istio.DestinationRule(scope, 'Origination', {
    metadata: { name: route.names.originationRule, namespace: route.namespace },
    spec: Lazy.any({
      produce: (): istio.DestinationRuleSpec => ({
        host: destinationHost(route),
        trafficPolicy: {
          loadBalancer: route.loadBalancer
            ? { simple: route.loadBalancer as istio.DestinationRuleSpecTrafficPolicyLoadBalancerSimple }
            : undefined,
          portLevelSettings: [
            {
              port: { number: route.originationPort },
              tls: {
                mode: route.originationTls.mode as istio.DestinationRuleSpecTrafficPolicyPortLevelSettingsTlsMode,
                credentialName: route.originationTls.credentialName,
                caCertificates: route.originationTls.caCertificates,
                sni: route.originationTls.sni,
                subjectAltNames: originationSubjectAltNames(route.originationTls),
              },
            },
          ],
        },
      }),
    }),
  });
}

/**
 * The egress gateway lets through only the named clients (by their mutual TLS identity), for this
 * route's host: an ALLOW AuthorizationPolicy on the gateway's pods, in their namespace.
 */
export function renderAuthorizationPolicy(scope: Construct, route: EgressRouteModel): ApiObject | undefined {
  const clients = route.allowedClients;
  if (!clients) return undefined;
  return new security.AuthorizationPolicy(scope, 'AuthorizationPolicy', {
    metadata: { name: route.names.authorizationPolicy, namespace: route.gateway.workloadNamespace },
    spec: Lazy.any({
      produce: (): security.AuthorizationPolicySpec => ({
        selector: { matchLabels: route.gateway.selector },
        action: security.AuthorizationPolicySpecAction.ALLOW,
        rules: [
          {
            from: [
              ...(clients.serviceAccounts.length > 0 ? [{ source: { serviceAccounts: clients.serviceAccounts } }] : []),
              ...(clients.namespaces.length > 0 ? [{ source: { namespaces: clients.namespaces } }] : []),
            ],
            to: [{ operation: { hosts: [route.host, ...route.ports.map((port) => `${route.host}:${port}`)] } }],
          },
        ],
      }),
    }),
  });
}

/** The label every namespace carries with its own name, set by the apiserver: no user can set it. */
const NAMESPACE_NAME = 'kubernetes.io/metadata.name';

/**
 * One NetworkPolicy per client namespace: its pods may reach the cluster DNS, the mesh's control
 * plane, the egress gateway's pods, their own namespace and the namespaces allowed, and nothing
 * else, so only the egress gateway's pods reach outside the cluster.
 *
 * No peer, and not the pods the policy confines, is chosen by a label a workload author can put on
 * a pod: the policy confines every pod of the namespace, namespaces are named by the label the
 * apiserver sets from their name, and the egress gateway's pods by their namespace and labels
 * together (the rules refuse a gateway that runs in a client namespace, whose pods a client pod
 * could imitate).
 */
export function renderClientNetworkPolicies(scope: Construct, route: EgressRouteModel): ApiObject[] {
  const policy = route.clientNetworkPolicy;
  if (!policy) return [];
  const inNamespace = (namespace: string) => ({ namespaceSelector: { matchLabels: { [NAMESPACE_NAME]: namespace } } });
  const gatewayPods = { ...inNamespace(route.gateway.workloadNamespace), podSelector: { matchLabels: { ...route.gateway.selector } } };
  return unique(route.clientNamespaces).map((namespace) => {
    const reachable = unique([namespace, policy.controlPlaneNamespace, ...policy.allowedNamespaces]);
    return new (kube().KubeNetworkPolicy)(scope, `NetworkPolicy-${namespace}`, {
      metadata: { name: route.names.networkPolicy, namespace },
      spec: {
        podSelector: {},
        policyTypes: ['Egress'],
        egress: [
          {
            to: [inNamespace(policy.dnsNamespace)],
            ports: [
              { protocol: 'UDP', port: kube().IntOrString.fromNumber(53) },
              { protocol: 'TCP', port: kube().IntOrString.fromNumber(53) },
            ],
          },
          { to: [...reachable.map(inNamespace), gatewayPods] },
        ],
      },
    });
  });
}

/** Each value once, in first-seen order (a repeated namespace is reported by the rules, not rendered twice). */
function unique(values: string[]): string[] {
  return [...new Set(values)];
}
