import { ApiFlavor } from '../api-flavor';

/** The values of `EgressMode`, as the renderers and rules read them. */
export type EgressModeName = 'HTTP' | 'TLS_PASSTHROUGH' | 'TLS_ORIGINATION';

/** TLS the egress gateway originates toward the external host. */
export interface OriginationTlsModel {
  readonly mode: 'SIMPLE' | 'MUTUAL';
  /** The Secret with the client certificate (MUTUAL), in the egress gateway's namespace. */
  readonly credentialName?: string;
  /** The SNI sent to the external host; unset lets Istio take it from each request's host. */
  readonly sni?: string;
  /** CA bundle path that verifies the external host (SIMPLE). */
  readonly caCertificates?: string;
  /** The names the server's certificate must carry, as given; unset: the SNI. */
  readonly subjectAltNames?: string[];
  /** Why the server's name is not checked, when the user says so. */
  readonly skipServerNameCheckReason?: string;
}

/**
 * The names the origination DestinationRule makes the external host's certificate carry. Istio
 * checks the server's name by itself (auto_san_validation) only when the DestinationRule sets
 * neither `sni` nor `subjectAltNames`; a written SNI therefore gets itself as the name to verify.
 */
export function originationSubjectAltNames(tls: OriginationTlsModel): string[] | undefined {
  if (tls.skipServerNameCheckReason !== undefined) return undefined;
  if (tls.subjectAltNames !== undefined) return tls.subjectAltNames.length > 0 ? tls.subjectAltNames : undefined;
  return tls.sni !== undefined ? [tls.sni] : undefined;
}

/** The egress gateway of one route: its Gateway object, its pods and their Service. */
export interface EgressGatewayModel {
  /** Name of the Gateway object. */
  readonly name: string;
  /** Namespace of the Gateway object. */
  readonly namespace: string;
  /** Namespace of the gateway's pods and Service: where its AuthorizationPolicy and TLS credentials go. */
  readonly workloadNamespace: string;
  /** Labels of the gateway's pods (Istio API `selector`, AuthorizationPolicy `selector`). */
  readonly selector: { [key: string]: string };
  /** Name of the gateway's Service. */
  readonly serviceName: string;
  /** Fully qualified host of the gateway's Service: where the mesh leg sends. */
  readonly serviceHost: string;
}

/** Clients the egress gateway lets through (AuthorizationPolicy). */
export interface EgressClientsModel {
  /** `<namespace>/<name>` of each service account. */
  readonly serviceAccounts: string[];
  readonly namespaces: string[];
}

/** The NetworkPolicy that confines client pods to the cluster. */
export interface ClientNetworkPolicyModel {
  readonly allowedNamespaces: string[];
  readonly controlPlaneNamespace: string;
  readonly dnsNamespace: string;
}

/** Names of the objects one route writes. */
export interface EgressNames {
  /** The ServiceEntry of the host, and the subset name of the egress gateway. */
  readonly serviceEntry: string;
  /** The ServiceEntry of a wildcard's concrete target. */
  readonly targetServiceEntry: string;
  readonly subset: string;
  /** The DestinationRule for the egress gateway's Service (its subset, or its mutual TLS). */
  readonly gatewayRule: string;
  /** The VirtualService that carries both legs (Istio API). */
  readonly virtualService: string;
  /** The route from the clients to the gateway (Gateway API). */
  readonly meshRoute: string;
  /** The route from the gateway to the external host (Gateway API). */
  readonly gatewayRoute: string;
  /** The DestinationRule that originates TLS toward the external host. */
  readonly originationRule: string;
  readonly authorizationPolicy: string;
  readonly networkPolicy: string;
}

/** Options that only some modes or one API use, and whether each was given, for the rules to name. */
export interface EgressExplicitOptions {
  readonly wildcardTarget: boolean;
  readonly originationPort: boolean;
  readonly originationTls: boolean;
  readonly mutualTls: boolean;
  readonly gatewaySelector: boolean;
  readonly gatewayServiceName: boolean;
  readonly gatewayNamespace: boolean;
  readonly workload: boolean;
}

/**
 * One egress route, every default applied: the external host, the ports clients send to, how the
 * traffic is carried, and the egress gateway it goes through. Both renderers derive every port of
 * every object from `ports` (and `originationPort`), so each ServiceEntry port clients send to has
 * both legs by construction.
 */
export interface EgressRouteModel {
  readonly constructPath: string;
  readonly api: ApiFlavor;
  readonly mode: EgressModeName;
  readonly names: EgressNames;
  /** Namespace of the ServiceEntry, the routes and the Gateway object. */
  readonly namespace: string;
  /** The external host (a DNS name or a `*.` wildcard). */
  readonly host: string;
  /** The concrete host that serves a wildcard host, as given. */
  readonly wildcardTarget?: string;
  /** The ports clients send to. */
  readonly ports: number[];
  /** The external host's TLS port (TLS origination). */
  readonly originationPort: number;
  /** TLS toward the external host (TLS origination). */
  readonly originationTls: OriginationTlsModel;
  /** Istio mutual TLS from the clients' sidecars to the egress gateway. */
  readonly mutualTls: boolean;
  /** Namespaces whose workloads send through this route. */
  readonly clientNamespaces: string[];
  readonly gateway: EgressGatewayModel;
  readonly loadBalancer?: string;
  readonly allowedClients?: EgressClientsModel;
  readonly clientNetworkPolicy?: ClientNetworkPolicyModel;
  readonly explicit: EgressExplicitOptions;
  /** The Service ports of the egress gateway this route deploys (Istio API `workload`), read at validation. */
  readonly workloadServicePorts?: () => number[];
  /** The Service type of the egress gateway this route deploys (Istio API `workload`). */
  readonly workloadServiceType?: string;
}

/** Whether `host` is a `*.` wildcard. */
export function isWildcard(host: string): boolean {
  return host.startsWith('*');
}

/** Where the gateway leg sends: the host, or the concrete target of a wildcard host. */
export function destinationHost(route: EgressRouteModel): string {
  return isWildcard(route.host) ? route.wildcardTarget ?? route.host : route.host;
}

/** The external port the gateway leg of client port `port` sends to. */
export function destinationPort(route: EgressRouteModel, port: number): number {
  return route.mode === 'TLS_ORIGINATION' ? route.originationPort : port;
}

/** What the clients send: plain HTTP (HTTP, TLS origination) or TLS (passthrough). */
export function clientProtocol(route: EgressRouteModel): 'HTTP' | 'TLS' {
  return route.mode === 'TLS_PASSTHROUGH' ? 'TLS' : 'HTTP';
}

/**
 * What the gateway listens for on a client port: the clients' protocol, or HTTPS terminated with
 * Istio mutual TLS when the sidecars send it mutual TLS.
 */
export function gatewayProtocol(route: EgressRouteModel): 'HTTP' | 'HTTPS' | 'TLS' {
  if (route.mutualTls && clientProtocol(route) === 'HTTP') return 'HTTPS';
  return clientProtocol(route);
}

const DEFAULT_PORT: { [protocol: string]: number } = { HTTP: 80, HTTPS: 443, TLS: 443 };

/** A port name: the protocol in lower case, suffixed with the port unless it is the protocol's usual one. */
export function portName(protocol: 'HTTP' | 'HTTPS' | 'TLS', port: number): string {
  const base = protocol.toLowerCase();
  return DEFAULT_PORT[protocol] === port ? base : `${base}-${port}`;
}

/** The SNI the sidecars send the egress gateway with mutual TLS: what its server's host matches. */
export function gatewaySni(route: EgressRouteModel): string {
  return destinationHost(route);
}

/** A ServiceEntry port. */
export interface EgressPortModel {
  readonly number: number;
  readonly name: string;
  readonly protocol: 'HTTP' | 'HTTPS' | 'TLS';
}

/**
 * The ports of the host's ServiceEntry: every client port and, for a concrete host with TLS
 * origination, the external TLS port the gateway leg sends to.
 */
export function hostEntryPorts(route: EgressRouteModel): EgressPortModel[] {
  const protocol = clientProtocol(route);
  const ports: EgressPortModel[] = route.ports.map((p) => ({ number: p, name: portName(protocol, p), protocol }));
  if (route.mode === 'TLS_ORIGINATION' && !isWildcard(route.host)) ports.push(originationEntryPort(route));
  return ports;
}

/** The ports of a wildcard's target ServiceEntry: the ports the gateway leg sends to. */
export function targetEntryPorts(route: EgressRouteModel): EgressPortModel[] {
  if (route.mode === 'TLS_ORIGINATION') return [originationEntryPort(route)];
  return hostEntryPorts(route);
}

function originationEntryPort(route: EgressRouteModel): EgressPortModel {
  return { number: route.originationPort, name: portName('HTTPS', route.originationPort), protocol: 'HTTPS' };
}

/** A name for one of several per-port objects: `name` for a single port, `name-<port>` for several. */
export function perPortName(route: EgressRouteModel, name: string, port: number): string {
  return route.ports.length > 1 ? `${name}-${port}` : name;
}
