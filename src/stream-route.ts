import { ApiObject, Names } from 'cdk8s';
import { Construct } from 'constructs';
import { ApiFlavor } from './api-flavor';
import { Backend } from './backend';
import { IGateway } from './gateway-ref';
import { AppRegistry } from './model/registry';
import { resolveBackend } from './model/resolve-backend';
import { StreamKind, StreamRouteModel } from './model/route';
import { resolveNamespace } from './namespace';
import { ReferenceGrants } from './render/reference-grants';
import { rendererFor } from './render/renderer';
import { streamRouteProblems } from './validation/stream-route-rules';

/**
 * Options for a TLS passthrough route.
 */
export interface TlsRouteOptions {
  /**
   * Name of the VirtualService or TLSRoute.
   * @default - derived from the construct path
   */
  readonly name?: string;

  /**
   * Namespace of the route.
   * @default - the chart's namespace, else `default`
   */
  readonly namespace?: string;

  /** The SNI host names routed; each must be served by a TLS passthrough listener. */
  readonly hosts: string[];

  /** Where the encrypted stream goes (weighted). */
  readonly backends: Backend[];

  /**
   * The listener port, when the gateway passes TLS through on several ports.
   * @default - every TLS passthrough listener that serves the hosts
   */
  readonly port?: number;
}

/**
 * Options for a TCP route.
 */
export interface TcpRouteOptions {
  /**
   * Name of the VirtualService or TCPRoute.
   * @default - derived from the construct path
   */
  readonly name?: string;

  /**
   * Namespace of the route.
   * @default - the chart's namespace, else `default`
   */
  readonly namespace?: string;

  /** The port of the gateway's TCP listener. */
  readonly port: number;

  /** Where the stream goes (weighted). */
  readonly backends: Backend[];
}

/** Props for `TlsRoute`. */
export interface TlsRouteProps extends TlsRouteOptions {
  /** The gateway the route binds to. */
  readonly gateway: IGateway;
}

/** Props for `TcpRoute`. */
export interface TcpRouteProps extends TcpRouteOptions {
  /** The gateway the route binds to. */
  readonly gateway: IGateway;
}

interface StreamRouteInput {
  readonly gateway: IGateway;
  readonly name?: string;
  readonly namespace?: string;
  readonly hosts: string[];
  readonly port?: number;
  readonly backends: Backend[];
}

/** Builds, renders and validates a stream route for `owner`. */
function streamRoute(owner: Construct, kind: StreamKind, input: StreamRouteInput) {
  const namespace = resolveNamespace(owner, input.namespace);
  const name = input.name ?? Names.toDnsLabel(owner);
  const model = (): StreamRouteModel => ({
    kind,
    constructPath: owner.node.path,
    name,
    namespace,
    gateway: { name: input.gateway.gatewayName, namespace: input.gateway.gatewayNamespace },
    hosts: input.hosts,
    port: input.port,
    backends: input.backends.map((b) => resolveBackend(b, namespace)),
  });
  const apiObject = rendererFor(input.gateway.api).streamRoute(owner, 'Resource', { name, namespace }, kind, model);
  owner.node.defaultChild = apiObject;
  if (input.gateway.api === ApiFlavor.GATEWAY_API) {
    new ReferenceGrants(owner, apiObject, kind === 'tls' ? 'TLSRoute' : 'TCPRoute', name, namespace).allow(model().backends);
  }
  owner.node.addValidation({
    validate: () => streamRouteProblems(model(), input.gateway.api, AppRegistry.of(owner).gatewayModel(input.gateway)),
  });
  return { name, namespace, apiObject };
}

/**
 * TLS passed through the gateway untouched and routed by SNI: a VirtualService `tls` section
 * (Istio API) or a TLSRoute (Gateway API).
 */
export class TlsRoute extends Construct {
  /** Name of the route object. */
  public readonly routeName: string;
  /** Namespace of the route object. */
  public readonly routeNamespace: string;
  /** The VirtualService or TLSRoute. */
  public readonly apiObject: ApiObject;

  public constructor(scope: Construct, id: string, props: TlsRouteProps) {
    super(scope, id);
    const route = streamRoute(this, 'tls', props);
    this.routeName = route.name;
    this.routeNamespace = route.namespace;
    this.apiObject = route.apiObject;
  }
}

/**
 * Opaque TCP from a gateway port to backends: a VirtualService `tcp` section (Istio API) or a
 * TCPRoute (Gateway API; Istio reads TCPRoute v1 from 1.31).
 */
export class TcpRoute extends Construct {
  /** Name of the route object. */
  public readonly routeName: string;
  /** Namespace of the route object. */
  public readonly routeNamespace: string;
  /** The VirtualService or TCPRoute. */
  public readonly apiObject: ApiObject;

  public constructor(scope: Construct, id: string, props: TcpRouteProps) {
    super(scope, id);
    const route = streamRoute(this, 'tcp', { ...props, hosts: ['*'] });
    this.routeName = route.name;
    this.routeNamespace = route.namespace;
    this.apiObject = route.apiObject;
  }
}
