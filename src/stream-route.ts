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
import { recordChange } from './validation/memo';
import { streamRouteProblems } from './validation/stream-route-rules';

/**
 * Which TLS streams go where: SNI hosts (and optionally the listener port) to backends.
 */
export interface TlsRouteRule {
  /**
   * The SNI host names routed; each must be served by a TLS passthrough listener. `*` (any SNI) is
   * accepted by the Istio API only.
   */
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
 * Options for a TLS passthrough route.
 */
export interface TlsRouteOptions extends TlsRouteRule {
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
}

/** Builds, renders and validates a stream route for `owner`; returns its rule list to add to. */
function streamRoute(owner: Construct, kind: StreamKind, input: StreamRouteInput, rules: TlsRouteRule[]) {
  const namespace = resolveNamespace(owner, input.namespace);
  const name = input.name ?? Names.toDnsLabel(owner);
  const resolve = (rule: TlsRouteRule) => ({ ...rule, backends: rule.backends.map((b) => resolveBackend(b, namespace)) });
  const model = (): StreamRouteModel => ({
    kind,
    constructPath: owner.node.path,
    name,
    namespace,
    gateway: { name: input.gateway.gatewayName, namespace: input.gateway.gatewayNamespace },
    rules: rules.map(resolve),
  });
  const apiObject = rendererFor(input.gateway.api).streamRoute(owner, 'Resource', { name, namespace }, kind, model);
  owner.node.defaultChild = apiObject;
  const grants = input.gateway.api === ApiFlavor.GATEWAY_API
    ? new ReferenceGrants(owner, apiObject, kind === 'tls' ? 'TLSRoute' : 'TCPRoute', name, namespace)
    : undefined;
  owner.node.addValidation({
    validate: () => streamRouteProblems(model(), input.gateway.api, AppRegistry.of(owner).gatewayModel(input.gateway)),
  });
  const addRule = (rule: TlsRouteRule) => {
    recordChange();
    rules.push(rule);
    grants?.allow(resolve(rule).backends);
  };
  return { name, namespace, apiObject, addRule };
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

  private readonly add: (rule: TlsRouteRule) => void;

  public constructor(scope: Construct, id: string, props: TlsRouteProps) {
    super(scope, id);
    const route = streamRoute(this, 'tls', props, []);
    this.routeName = route.name;
    this.routeNamespace = route.namespace;
    this.apiObject = route.apiObject;
    this.add = route.addRule;
    this.add({ hosts: props.hosts, backends: props.backends, port: props.port });
  }

  /**
   * Adds a rule (another port or set of SNI hosts). A TLSRoute holds one rule, so with the Gateway
   * API use one TlsRoute per rule.
   */
  public addRule(rule: TlsRouteRule): void {
    this.add(rule);
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
    const route = streamRoute(this, 'tcp', props, []);
    this.routeName = route.name;
    this.routeNamespace = route.namespace;
    this.apiObject = route.apiObject;
    route.addRule({ hosts: ['*'], backends: props.backends, port: props.port });
  }
}
