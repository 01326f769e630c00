import { ApiObject, ApiObjectProps } from 'cdk8s';
import { Construct } from 'constructs';
import { ApiFlavor } from './api-flavor';
import { Backend } from './backend';
import { IGateway } from './gateway-ref';
import { L1ApiObject } from './l1-api-object';
import { AppRegistry } from './model/registry';
import { resolveBackend } from './model/resolve-backend';
import { StreamKind, StreamRouteModel } from './model/route';
import { resolveNamespace } from './namespace';
import { ReferenceGrants } from './render/reference-grants';
import { rendererFor } from './render/renderer';
import { ObjectForm, objectProps } from './render/typed-object';
import { checkArg, checkStruct, inputFirst, InputProblems, required, Shape, struct } from './validation/input-shape';
import { GATEWAY, NO_GATEWAY, TCP_ROUTE_SHAPE, TLS_ROUTE_SHAPE } from './validation/route-input';
import { streamConflictProblems, streamRouteProblems } from './validation/stream-route-rules';

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
   * @default - named by the chart from the construct path, as any ApiObject (with a hash, unless the chart disables resource name hashes)
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
   * @default - named by the chart from the construct path, as any ApiObject (with a hash, unless the chart disables resource name hashes)
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

/** The props of a stream route, checked and copied, with the problems found. */
function checkedProps<T extends object>(shape: Shape<T>, given: T & { gateway: IGateway }, input: InputProblems): T & { gateway: IGateway } {
  return {
    ...checkStruct(shape, given, input, '{ hosts: ["db.example.com"], backends: [Backend.service("db", { port: 5432 })] }'),
    gateway: checkArg(required(GATEWAY, NO_GATEWAY, 'give the IngressGateway the route binds to'), given?.gateway, 'gateway', input),
  };
}

const TLS_RULE = struct<TlsRouteRule>(
  { hosts: TLS_ROUTE_SHAPE.hosts, backends: TLS_ROUTE_SHAPE.backends, port: TLS_ROUTE_SHAPE.port },
  '{ hosts: ["db.example.com"], backends: [Backend.service("db", { port: 5432 })] }',
);

/**
 * What TlsRoute and TcpRoute share: their rules, model, ReferenceGrants and validation. Made before
 * the route object (which needs its kind and spec), and attached to it once it exists.
 */
class StreamRouteParts {
  /** The route object's kind and spec. */
  private readonly form: ObjectForm;
  /** The route object's namespace. */
  public readonly namespace: string;
  private readonly rules: TlsRouteRule[] = [];
  private route?: ApiObject;
  private grants?: ReferenceGrants;
  /** Problems of the input's shape (wrong types from untyped callers), reported at synth. */
  public readonly problems: InputProblems = [];

  public constructor(scope: Construct, private readonly kind: StreamKind, private readonly input: StreamRouteInput) {
    this.namespace = resolveNamespace(scope, input.namespace);
    this.form = rendererFor(input.gateway.api).streamRoute(kind, () => this.model());
  }

  /** The route object's props. */
  public get props(): ApiObjectProps {
    return objectProps(this.form, this.input.name, this.namespace);
  }

  /** Binds these parts to the route object, once it exists. */
  public attach(route: ApiObject): void {
    this.route = route;
    const { gateway } = this.input;
    if (gateway.api === ApiFlavor.GATEWAY_API) {
      this.grants = new ReferenceGrants(route, this.namespace);
    }
    const registry = AppRegistry.of(route);
    registry.registerOwner(route);
    registry.registerStreamRoute(route, () =>
      this.rules.map((rule) => ({
        kind: this.kind,
        gateway,
        gatewayRef: `${gateway.gatewayNamespace}/${gateway.gatewayName}`,
        hosts: rule.hosts,
        port: rule.port,
      })),
    );
    route.node.addValidation({
      validate: inputFirst(this.problems, () => [
        ...streamRouteProblems(this.model(), gateway.api, registry.gatewayModel(gateway), registry),
        ...streamConflictProblems(route, gateway, this.model(), gateway.api, registry),
      ]),
    });
  }

  /** Checks a rule given after construction. */
  public addGivenRule(rule: TlsRouteRule): void {
    const checked = TLS_RULE(rule, `rules[${this.rules.length}]`, this.problems);
    if (checked === undefined) AppRegistry.recordChange(this.route!);
    else this.addRule(checked);
  }

  public addRule(rule: TlsRouteRule): void {
    const route = this.route!;
    AppRegistry.recordChange(route);
    this.rules.push(rule);
    const { backends } = this.resolve(rule);
    this.grants?.allow(backends);
    // A backend's subset is defined by a DestinationRule, written (and applied) before the route.
    for (const b of backends) if (b.subset !== undefined) AppRegistry.of(route).registerSubsetUser(route, b.host);
  }

  private resolve(rule: TlsRouteRule) {
    return { ...rule, backends: rule.backends.map((b) => resolveBackend(b, this.namespace)) };
  }

  private model(): StreamRouteModel {
    const route = this.route!;
    return {
      kind: this.kind,
      constructPath: route.node.path,
      name: route.name,
      namespace: this.namespace,
      gateway: { name: this.input.gateway.gatewayName, namespace: this.input.gateway.gatewayNamespace },
      rules: this.rules.map((rule) => this.resolve(rule)),
    };
  }
}

/**
 * TLS passed through the gateway untouched and routed by SNI: a VirtualService `tls` section
 * (Istio API) or a TLSRoute (Gateway API). The route is that object itself (an `ApiObject`).
 */
export class TlsRoute extends L1ApiObject {
  /** Name of the route object. */
  public readonly routeName: string;
  /** Namespace of the route object. */
  public readonly routeNamespace: string;
  /** The VirtualService or TLSRoute: this route itself. */
  public readonly apiObject: ApiObject;

  private readonly parts: StreamRouteParts;

  public constructor(scope: Construct, id: string, givenProps: TlsRouteProps) {
    const input: InputProblems = [];
    const props = checkedProps(TLS_ROUTE_SHAPE, givenProps, input);
    const parts = new StreamRouteParts(scope, 'tls', props);
    parts.problems.push(...input);
    super(scope, id, parts.props);
    parts.attach(this);
    this.parts = parts;
    this.routeName = this.name;
    this.routeNamespace = parts.namespace;
    this.apiObject = this;
    parts.addRule({ hosts: props.hosts, backends: props.backends, port: props.port });
  }

  /**
   * Adds a rule (another port or set of SNI hosts). A TLSRoute holds one rule, so with the Gateway
   * API use one TlsRoute per rule.
   */
  public addRule(rule: TlsRouteRule): void {
    this.parts.addGivenRule(rule);
  }
}

/**
 * Opaque TCP from a gateway port to backends: a VirtualService `tcp` section (Istio API) or a
 * TCPRoute (Gateway API; Istio reads TCPRoute v1 from 1.31). The route is that object itself (an
 * `ApiObject`).
 */
export class TcpRoute extends L1ApiObject {
  /** Name of the route object. */
  public readonly routeName: string;
  /** Namespace of the route object. */
  public readonly routeNamespace: string;
  /** The VirtualService or TCPRoute: this route itself. */
  public readonly apiObject: ApiObject;

  public constructor(scope: Construct, id: string, givenProps: TcpRouteProps) {
    const input: InputProblems = [];
    const props = checkedProps(TCP_ROUTE_SHAPE, givenProps, input);
    const parts = new StreamRouteParts(scope, 'tcp', props);
    parts.problems.push(...input);
    super(scope, id, parts.props);
    parts.attach(this);
    this.routeName = this.name;
    this.routeNamespace = parts.namespace;
    this.apiObject = this;
    parts.addRule({ hosts: ['*'], backends: props.backends, port: props.port });
  }
}
