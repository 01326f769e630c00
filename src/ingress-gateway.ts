import { isIP } from 'net';
import { ApiObject, Names } from 'cdk8s';
import { Construct } from 'constructs';
import { ApiFlavor } from './api-flavor';
import { IGateway } from './gateway-ref';
import { HttpRoute, HttpRouteEntry, HttpRouteOptions } from './http-route';
import { GatewayListener } from './listener';
import { GatewayAddressModel, GatewayModel } from './model/gateway';
import { AppRegistry } from './model/registry';
import { resolveNamespace } from './namespace';
import { gatewayApiListenerNames } from './render/gateway-api';
import { rendererFor } from './render/renderer';
import { TypedApiObject } from './render/typed-object';
import { HttpRouteAction } from './route-action';
import { TcpRoute, TcpRouteOptions, TlsRoute, TlsRouteOptions } from './stream-route';
import { crossGatewayProblems } from './validation/cross-gateway-rules';
import { gatewayOptionProblems } from './validation/expansion-rules';
import { gatewayProblems } from './validation/gateway-rules';
import { carry, describeValue, objectAsGiven, checkArg, checkStruct, enumOf, inputFirst, InputProblems, instanceOf, list, optional, required, Shape, str, stringMap } from './validation/input-shape';
import { listenersKey, ValidationMemo } from './validation/memo';
import { isDnsLabel, isDnsNameOrWildcard, isDnsSubdomain, q } from './validation/names';
import { suppressible } from './validation/suppressible';
import { SuppressibleRule } from './validation/suppressions';
import { GatewayWorkload } from './workload/gateway-workload';
import { GatewayServicePort, PortProtocol } from './workload/service-port';
import { GatewayWorkloadProps } from './workload/workload-props';
import { WORKLOAD_SHAPE_CHECK } from './workload/workload-shape';

const ADDRESS = required(str('192.0.2.10'), '', 'give an IP address or host name');

/**
 * An address a gateway is reached at.
 */
export class GatewayAddress {
  /** An IP address. */
  public static ip(address: string): GatewayAddress {
    const out: InputProblems = [];
    return carry(new GatewayAddress(checkArg(ADDRESS, address, 'address', out), true), out);
  }

  /** A DNS host name. */
  public static hostname(name: string): GatewayAddress {
    const out: InputProblems = [];
    return carry(new GatewayAddress(checkArg(ADDRESS, name, 'name', out), false), out);
  }

  private constructor(
    /** The address. */
    public readonly value: string,
    /** Whether it is an IP address. */
    public readonly isIp: boolean,
  ) {}
}

/**
 * Props for `IngressGateway`.
 */
export interface IngressGatewayProps {
  /**
   * Which API to render: Istio's (Gateway bound to a workload by selector) or the Kubernetes
   * Gateway API (Gateway of an Istio gateway class).
   * @default ApiFlavor.ISTIO
   */
  readonly api?: ApiFlavor;

  /**
   * Name of the Gateway object.
   * @default - derived from the construct path
   */
  readonly name?: string;

  /**
   * Namespace of the Gateway object.
   * @default - the chart's namespace, else `default`
   */
  readonly namespace?: string;

  /**
   * The listeners (servers). More can be added with addListener().
   * @default - none
   */
  readonly listeners?: GatewayListener[];

  /**
   * Labels of the gateway workload's pods this Gateway configures (Istio API).
   * @default { istio: 'ingressgateway' }
   */
  readonly selector?: { [key: string]: string };

  /**
   * Gateway class (Gateway API).
   * @default 'istio'
   */
  readonly gatewayClassName?: string;

  /**
   * The cluster this gateway is applied to, when one app synthesizes several clusters: gateways of
   * different clusters never conflict.
   * @default - the app is one cluster
   */
  readonly cluster?: string;

  /**
   * Labels of the Gateway object. With the Gateway API, Istio copies them onto the workload it
   * deploys (e.g. `topology.istio.io/network`).
   * @default - none
   */
  readonly labels?: { [key: string]: string };

  /**
   * Addresses of the gateway, for a Gateway API gateway whose workload is elsewhere (a remote
   * network's east-west gateway, class `istio-remote`).
   * @default - none, or the Service of the deployed workload
   */
  readonly addresses?: GatewayAddress[];

  /**
   * Deploy the gateway workload (what Istio's `gateway` Helm chart deploys: ServiceAccount,
   * Deployment, Service, Role, RoleBinding, HPA and, with more than one replica, a
   * PodDisruptionBudget) and bind this gateway to it. Its Service exposes every listener's port
   * unless `ports` is given. With the Gateway API the Gateway points at the workload's Service
   * (`spec.addresses`, Istio's manual deployment) instead of having Istio deploy one.
   * @default - bind to an existing workload: by `selector` (Istio API), or the one Istio deploys
   * for the Gateway (Gateway API)
   */
  readonly workload?: GatewayWorkloadProps;
}

/**
 * A north-south entry point: a gateway with listeners, and the HTTP routes bound to it.
 *
 * Everything a listener serves but no route matches is answered 404 by the gateway.
 */
export class IngressGateway extends Construct implements IGateway {
  /**
   * Refers to a gateway defined elsewhere (another app, or applied by hand), so that routes can
   * bind to it. Its listeners are unknown here, so route hosts are not checked against them.
   *
   * @param reference `<namespace>/<name>` of the Gateway object
   * @param api the API the gateway is written in (routes bound to it are written in the same one)
   */
  public static fromGatewayName(scope: Construct, id: string, reference: string, api: ApiFlavor = ApiFlavor.ISTIO): IGateway {
    const input: InputProblems = [];
    const ref = checkArg(required(str('istio-system/public-gw'), '', 'give "<namespace>/<name>" of the Gateway'), reference, 'reference', input);
    const flavor = checkArg(optional(API), api, 'api', input) ?? ApiFlavor.ISTIO;
    return new ImportedGateway(scope, id, ref, flavor, input);
  }

  public readonly gatewayName: string;
  public readonly gatewayNamespace: string;
  public readonly api: ApiFlavor;
  /** The Gateway object (Istio or Gateway API). */
  public readonly apiObject: ApiObject;
  /** The gateway workload, when this construct deploys it. */
  public readonly workload?: GatewayWorkload;

  private readonly listeners: GatewayListener[];
  private redirectRoute?: ApiObject;
  private derivedPorts = false;
  private readonly selector: { [key: string]: string };
  private readonly gatewayClassName: string;
  /** Problems of the input's shape (wrong types from untyped callers), reported at synth. */
  private readonly input: InputProblems = [];

  public constructor(scope: Construct, id: string, givenProps: IngressGatewayProps = {}) {
    super(scope, id);
    const props = checkStruct(INGRESS_GATEWAY_SHAPE, givenProps, this.input, '{ listeners: [GatewayListener.http()] }');
    this.api = props.api ?? ApiFlavor.ISTIO;
    this.gatewayNamespace = resolveNamespace(this, props.namespace);
    this.gatewayClassName = props.gatewayClassName ?? 'istio';
    // With the Gateway API, Istio names the Deployment and Service it creates `<name>-<gatewayClassName>`
    // without truncating it: a derived name leaves room for the suffix within a Service name's 63.
    const maxLen = this.api === ApiFlavor.GATEWAY_API ? Math.max(8, 62 - this.gatewayClassName.length) : 63;
    this.gatewayName = props.name ?? Names.toDnsLabel(this, { maxLen });
    this.listeners = [...(props.listeners ?? [])];
    if (props.workload) {
      this.workload = new GatewayWorkload(this, 'Workload', {
        ...props.workload,
        // `!== undefined`, not `??`: a null is the caller's mistake, which the workload reports.
        ports:
          props.workload.ports !== undefined
            ? props.workload.ports
            : this.listeners.filter((l, i, all) => all.findIndex((o) => o.port === l.port) === i).map(servicePort),
      });
      this.derivedPorts = props.workload.ports === undefined;
    }
    // A copy: validation answers from its last result while the selector is the same (see ValidationMemo).
    this.selector = { ...(props.selector ?? this.workload?.selectorLabels ?? { istio: 'ingressgateway' }) };

    // Built once, at synth (every route's validation reads it): its fields are fixed when the
    // construct is, but for the listeners, which it holds by reference (addListener() shows through).
    let cached: GatewayModel | undefined;
    const model = (): GatewayModel => (cached ??= {
      constructPath: this.node.path,
      name: this.gatewayName,
      namespace: this.gatewayNamespace,
      selector: this.selector,
      gatewayClassName: this.gatewayClassName,
      listeners: this.listeners,
      cluster: props.cluster,
      addresses: this.addresses(props),
    });
    const registry = AppRegistry.of(this);
    registry.registerGateway(this, model, this.api);
    registry.registerOwner(this, props.cluster);
    this.apiObject = rendererFor(this.api).gateway(
      this,
      'Resource',
      { name: this.gatewayName, namespace: this.gatewayNamespace, labels: props.labels },
      model,
    );
    this.node.defaultChild = this.apiObject;
    // Reads every gateway's listeners (IST0145) and every route's hosts (registered: a change).
    const memo = new ValidationMemo(registry);
    this.node.addValidation({
      validate: inputFirst(this.input, () =>
        memo.problemsOf(registry.allGateways().reduce((key, g) => listenersKey(registry, g.model.listeners, key), [] as unknown[]), () => [
          ...gatewayOptionProblems(props, this.api),
          ...gatewayProblems(model(), this.api),
          ...crossGatewayProblems(this, model(), this.api),
          ...this.servicePortProblems(),
          ...addressProblems(props.addresses, this.api),
        ]),
      ),
    });
    this.addHttpsRedirectRoute();
  }

  /** IST0162: every listener's port must be exposed by the deployed workload's Service. */
  private servicePortProblems(): string[] {
    // A workload whose own input is wrong reports that (its ports may be a placeholder).
    if (!this.workload || this.workload._input.length > 0) return [];
    const exposed = new Set(this.workload.servicePorts.map((p) => p.port));
    return this.listeners
      .filter((l) => !exposed.has(l.port))
      .flatMap((l) =>
        suppressible(
          this,
          SuppressibleRule.SERVICE_PORT_MISSING,
          `listener ${q(l.name)} listens on port ${l.port}, which the workload Service ${this.workload!.workloadName} does not expose; add it to workload.ports, or leave ports unset to derive them from the listeners`,
        ),
      );
  }

  private addresses(props: IngressGatewayProps): GatewayAddressModel[] | undefined {
    if (this.api !== ApiFlavor.GATEWAY_API) return undefined;
    if (props.addresses) return props.addresses.map((a) => ({ kind: a.isIp ? 'IPAddress' : 'Hostname', value: a.value }));
    if (!this.workload) return undefined;
    return [{ kind: 'Hostname', value: `${this.workload.workloadName}.${this.workload.workloadNamespace}.svc.cluster.local` }];
  }

  /** Adds a listener. */
  public addListener(listener: GatewayListener): void {
    AppRegistry.recordChange(this);
    if (checkArg(LISTENER, listener, `listeners[${this.listeners.length}]`, this.input) === undefined) return;
    this.listeners.push(listener);
    if (this.derivedPorts && !this.listeners.slice(0, -1).some((l) => l.port === listener.port)) {
      this.workload?.addPort(servicePort(listener));
    }
    this.addHttpsRedirectRoute();
  }

  /**
   * The Gateway API has no listener-level HTTPS redirect: an HTTPRoute bound to the redirecting
   * listeners answers every request with a 301 to https (the Istio API sets `httpsRedirect` on the
   * server instead).
   */
  private addHttpsRedirectRoute(): void {
    if (this.api !== ApiFlavor.GATEWAY_API || this.redirectRoute || !this.listeners.some((l) => l.httpsRedirect)) return;
    const meta = { name: `${this.gatewayName}-https-redirect`, namespace: this.gatewayNamespace };
    const form = rendererFor(this.api).httpRoute(() => ({
      constructPath: this.node.path,
      ...meta,
      gateway: { name: this.gatewayName, namespace: this.gatewayNamespace },
      hosts: ['*'],
      listenerNames: this.listeners.filter((l) => l.httpsRedirect).flatMap(gatewayApiListenerNames),
      rules: [{ matches: [], action: HttpRouteAction.redirect({ scheme: 'https', statusCode: 301 }), backends: [] }],
    }));
    this.redirectRoute = new TypedApiObject(this, 'HttpsRedirect', form.l1, { metadata: meta, spec: form.spec });
  }

  /**
   * Adds HTTP routing for a set of hosts served by this gateway.
   *
   * @param id the route's construct id (a child of this gateway)
   * @param options hosts, rules, name and namespace
   */
  public addHttpRoute(id: string, options: HttpRouteOptions = {}): HttpRoute {
    // Object.assign, not `{ ...options, gateway: this }`: see HttpRoute's model (absent options are read).
    const given = options as unknown;
    const isObject = typeof given === 'object' && given !== null && !Array.isArray(given);
    const route = new HttpRoute(this, this.routeId(id, 'addHttpRoute() id'), Object.assign({}, isObject ? options : {}, { gateway: this }));
    // Reported by the route (its own rules would only add "no rules").
    if (!isObject && given !== undefined) route._input.push({ path: 'options', text: `is ${describeValue(given)}; use an object like { hosts: ["shop.example.com"], rules: [...] }.` });
    return route;
  }

  /**
   * Adds several HTTP routes, in order: the same as `addHttpRoute()` for each entry, in one call
   * (from Python, Java or Go each call is a round trip to the jsii kernel).
   *
   * @param routes each route's construct id and options
   */
  public addHttpRoutes(routes: HttpRouteEntry[]): HttpRoute[] {
    const example = '{ id: "shop", hosts: ["shop.example.com"], forwardTo: [{ service: "web", port: 80 }] }';
    const entries = checkArg(required(list(objectAsGiven(example), `[${example}]`), [], 'give a list of routes'), routes, 'addHttpRoutes() routes', this.input);
    // The entries that are objects, in order; an id's path names its entry's position in the caller's list.
    let at = -1;
    return entries.map((entry: HttpRouteEntry) => {
      const { id, ...rest } = entry;
      if (typeof id === 'string') return new HttpRoute(this, id, Object.assign({}, rest, { gateway: this }));
      while (routes[++at] !== entry);
      return new HttpRoute(this, this.routeId(id, `addHttpRoutes() routes[${at}].id`), Object.assign({}, rest, { gateway: this }));
    });
  }

  /** A route's construct id, a string (a number from a YAML file is converted, with a problem). */
  private routeId(id: unknown, path: string): string {
    if (typeof id === 'string') return id;
    return checkArg(required(str('shop'), `route${this.node.children.length}`, 'give the route a construct id, like "shop"'), id, path, this.input);
  }

  /** Route options as an object (the route checks their fields), else a problem here and no options. */
  private routeOptions<T>(options: T, path: string): T {
    if (typeof options === 'object' && options !== null && !Array.isArray(options)) return options;
    if (options !== undefined) this.input.push({ path, text: `is ${describeValue(options)}; use an object like { hosts: ["shop.example.com"], rules: [...] }.` });
    return {} as T;
  }

  /**
   * Adds a TLS passthrough route: streams whose SNI is one of `hosts` go to the backends untouched.
   */
  public addTlsRoute(id: string, options: TlsRouteOptions): TlsRoute {
    return new TlsRoute(this, this.routeId(id, 'addTlsRoute() id'), { ...this.routeOptions(options, 'addTlsRoute() options'), gateway: this });
  }

  /**
   * Adds a TCP route: connections to the TCP listener on `port` go to the backends.
   */
  public addTcpRoute(id: string, options: TcpRouteOptions): TcpRoute {
    return new TcpRoute(this, this.routeId(id, 'addTcpRoute() id'), { ...this.routeOptions(options, 'addTcpRoute() options'), gateway: this });
  }
}

/**
 * Gateway API addresses as the Gateway schema takes them (at most 16, no repeats, host names in
 * DNS form).
 */
function addressProblems(addresses: GatewayAddress[] | undefined, api: ApiFlavor): string[] {
  // With the Istio API, addresses are refused as an option it cannot honour (gatewayOptionProblems).
  if (!addresses || addresses.length === 0 || api === ApiFlavor.ISTIO) return [];
  const problems: string[] = [];
  if (addresses.length > 16) problems.push(`addresses lists ${addresses.length} addresses, over the Gateway API's limit of 16.`);
  addresses.forEach((a, index) => {
    if (!a.isIp && !(a.value.length <= 253 && isDnsNameOrWildcard(a.value))) {
      problems.push(`address ${q(a.value)} is not a host name; use a lower-case DNS name such as "gateway.example.com", or GatewayAddress.ip().`);
    }
    if (a.isIp && !isIpAddress(a.value)) problems.push(`address ${q(a.value)} is not an IP address; use e.g. "192.0.2.10", or GatewayAddress.hostname().`);
    if (addresses.findIndex((b) => b.isIp === a.isIp && b.value === a.value) !== index) {
      problems.push(`address ${q(a.value)} is listed twice, which the Gateway schema refuses; list each address once.`);
    }
  });
  return problems;
}

/** An IPv4 or IPv6 address. */
function isIpAddress(value: string): boolean {
  return isIP(value) !== 0;
}
const API = enumOf(ApiFlavor, 'ApiFlavor');
const LISTENER = instanceOf(GatewayListener, 'GatewayListener.http(), .https(), .tlsPassthrough(), .tcp(), .autoPassthrough() or .hbone()');
const INGRESS_GATEWAY_SHAPE: Shape<IngressGatewayProps> = {
  api: optional(API),
  name: optional(str('public-gw')),
  namespace: optional(str('team-a')),
  listeners: optional(list(LISTENER, '[GatewayListener.http()]')),
  selector: optional(stringMap('{ istio: "ingressgateway" }')),
  gatewayClassName: optional(str('istio')),
  cluster: optional(str('cluster-1')),
  labels: optional(stringMap('{ team: "web" }')),
  addresses: optional(list(instanceOf(GatewayAddress, 'GatewayAddress.ip() or GatewayAddress.hostname()'), '[GatewayAddress.ip("192.0.2.10")]')),
  workload: optional(WORKLOAD_SHAPE_CHECK),
};

/** The workload Service port for a listener (one per port). */
function servicePort(listener: GatewayListener): GatewayServicePort {
  return { name: listener.name, port: listener.port, protocol: PortProtocol.TCP };
}

const apiName = (api: ApiFlavor) => (api === ApiFlavor.ISTIO ? 'Istio API' : 'Gateway API');
const apiEnum = (api: ApiFlavor) => (api === ApiFlavor.ISTIO ? 'ApiFlavor.ISTIO' : 'ApiFlavor.GATEWAY_API');

/** A gateway defined elsewhere, known by `<namespace>/<name>`. */
class ImportedGateway extends Construct implements IGateway {
  public readonly gatewayName: string;
  public readonly gatewayNamespace: string;

  public constructor(scope: Construct, id: string, reference: string, public readonly api: ApiFlavor, input: InputProblems) {
    super(scope, id);
    const [namespace, name] = reference.includes('/') ? reference.split('/', 2) : [resolveNamespace(this), reference];
    this.gatewayNamespace = namespace;
    this.gatewayName = name;
    this.node.addValidation({
      validate: inputFirst(input, () => {
        // split('/', 2) would drop a third part ("a/b/c" as "a/b"): refuse it whole.
        if (reference.split('/').length > 2 || !(isDnsLabel(namespace) && isDnsSubdomain(name))) {
          return [`gateway reference ${q(reference)} is not "<namespace>/<name>" with a DNS-1123 namespace and name; write e.g. "istio-system/public-gw".`];
        }
        // A VirtualService's `gateways` entries are <namespace>/<name> with both DNS-1123 labels (validateGatewayNames).
        if (api === ApiFlavor.ISTIO && !isDnsLabel(name)) {
          return [`gateway reference ${q(reference)} names ${q(name)}, which is not a DNS-1123 label, as Istio requires of a Gateway's name; name the Gateway without dots.`];
        }
        // Routes bound through the reference are written in its API: in the other one they name a Gateway that does not exist.
        const local = AppRegistry.of(this).gatewaysNamed(namespace, name);
        if (local.length > 0 && local.every((g) => g.api !== api)) {
          return [
            `gateway reference ${q(reference)} is for the ${apiName(api)}, but this app's gateway ${local[0].model.constructPath} of that name is written in the ` +
              `${apiName(local[0].api)}, so the routes bound through it would name a Gateway that does not exist; pass ${apiEnum(local[0].api)} to fromGatewayName(), or bind the routes to that gateway.`,
          ];
        }
        return [];
      }),
    });
  }
}
