import { ApiObject, Names } from 'cdk8s';
import { Construct } from 'constructs';
import { ApiFlavor } from './api-flavor';
import { EgressGatewayModel, EgressModeName, EgressRouteModel, gatewayProtocol, isWildcard } from './model/egress';
import { AppRegistry } from './model/registry';
import { resolveNamespace, serviceHost } from './namespace';
import { renderGatewayApiEgress } from './render/egress-gateway-api';
import { EgressObjects, renderIstioApiEgress } from './render/egress-istio-api';
import { LoadBalancerAlgorithm } from './traffic-policy';
import { claimEgressHost, egressProblems } from './validation/egress-rules';
import { bool, carry, checkArg, checkOptions, checkStruct, enumOf, inputFirst, InputProblems, instanceOf, list, optional, portNumber, required, Shape, str, stringMap, struct } from './validation/input-shape';
import { PROXY_RESERVED_PORTS } from './workload/chart-defaults';
import { GatewayWorkload } from './workload/gateway-workload';
import { GatewayServicePort, PortProtocol } from './workload/service-port';
import { GatewayWorkloadProps, ServiceType } from './workload/workload-props';
import { WORKLOAD_SHAPE_CHECK } from './workload/workload-shape';

/**
 * How traffic to the external host is carried through the egress gateway.
 */
export enum EgressMode {
  /**
   * Plain HTTP from the clients, forwarded as HTTP to the host on the same port (`http` routes).
   * Clients send to port 80 by default.
   */
  HTTP = 'HTTP',

  /**
   * TLS the clients originate (HTTPS), passed through the egress gateway untouched and routed by its
   * SNI (`tls` routes). Clients send to port 443 by default.
   */
  TLS_PASSTHROUGH = 'TLS_PASSTHROUGH',

  /**
   * Plain HTTP from the clients (port 80 by default); the egress gateway originates TLS to the
   * host's TLS port (`originationPort`, 443 by default), so requests leave the cluster encrypted
   * without the clients knowing TLS.
   */
  TLS_ORIGINATION = 'TLS_ORIGINATION',
}

/**
 * Options for TLS the egress gateway originates.
 */
export interface OriginationTlsOptions {
  /**
   * The SNI sent to the external host.
   * @default - the host; for a wildcard host, the host of each request (Istio's automatic SNI)
   */
  readonly sni?: string;

  /**
   * Path, in the egress gateway's proxy, of the CA bundle that verifies the external host's
   * certificate (SIMPLE; MUTUAL takes the CA from the credential's `ca.crt`).
   * @default '/etc/ssl/certs/ca-certificates.crt' (the system roots of Istio's proxy image)
   */
  readonly caCertificates?: string;

  /**
   * Names the external host's certificate must carry (any of them). An SNI written without names
   * would turn off Istio's check of the server's name (it checks the name from the SNI only when
   * it sets the SNI itself), so the SNI is checked by default. An empty list is refused; to accept
   * any name, set `skipServerNameCheckReason`.
   * @default - the SNI; for a wildcard host without `sni`, each request's SNI (Istio's automatic SAN validation)
   */
  readonly subjectAltNames?: string[];

  /**
   * Accept a certificate for any name (the chain is still verified against the CA): why. Only for
   * a server whose certificate does not carry the name it is reached by.
   * @default - the server's name is checked
   */
  readonly skipServerNameCheckReason?: string;
}

/** The system roots in Istio's proxy image, which verify public servers' certificates. */
const ORIGINATION_TLS_SHAPE: Shape<OriginationTlsOptions> = {
  sni: optional(str('api.example.com')),
  caCertificates: optional(str('/etc/certs/ca.pem')),
  subjectAltNames: optional(list(str('api.example.com'), '["api.example.com"]')),
  skipServerNameCheckReason: optional(str('the server presents a certificate for its IP address only')),
};

const SYSTEM_CA_BUNDLE = '/etc/ssl/certs/ca-certificates.crt';

/**
 * TLS the egress gateway originates toward the external host (`EgressMode.TLS_ORIGINATION`).
 */
export class OriginationTls {
  /** TLS that authenticates the server only (SIMPLE), as a browser does. */
  public static simple(options: OriginationTlsOptions = {}): OriginationTls {
    const out: InputProblems = [];
    const o = checkOptions(ORIGINATION_TLS_SHAPE, options, out, '{ sni: "api.example.com" }');
    return carry(new OriginationTls(false, undefined, o.caCertificates ?? SYSTEM_CA_BUNDLE, o), out);
  }

  /**
   * Mutual TLS (MUTUAL): the gateway also presents a client certificate.
   *
   * @param credentialName the Secret with `tls.crt`, `tls.key` and `ca.crt`, in the namespace of the
   * egress gateway's pods
   */
  public static mutual(credentialName: string, options: OriginationTlsOptions = {}): OriginationTls {
    const out: InputProblems = [];
    const name = checkArg(required(str('client-cert'), '', 'give the name of the Secret of the client certificate'), credentialName, 'credentialName', out);
    const o = checkOptions(ORIGINATION_TLS_SHAPE, options, out, '{ sni: "api.example.com" }');
    return carry(new OriginationTls(true, name, o.caCertificates, o), out);
  }

  /** The SNI, when given. */
  public readonly sni?: string;
  /** The names the server's certificate must carry, when given. */
  public readonly subjectAltNames?: string[];
  /** Why the server's name is not checked, when it is not. */
  public readonly skipServerNameCheckReason?: string;

  private constructor(
    /** Whether the gateway presents a client certificate (MUTUAL). */
    public readonly isMutual: boolean,
    /** The Secret with the client certificate, for mutual TLS. */
    public readonly credentialName: string | undefined,
    /** The CA bundle that verifies the server, when set. */
    public readonly caCertificates: string | undefined,
    options: OriginationTlsOptions,
  ) {
    this.sni = options.sni;
    this.subjectAltNames = options.subjectAltNames && [...options.subjectAltNames];
    this.skipServerNameCheckReason = options.skipServerNameCheckReason;
  }
}

/**
 * The clients an egress gateway lets through, by their Istio mutual TLS identity.
 */
export interface EgressClients {
  /**
   * Service accounts, each as `<namespace>/<name>` (at most 16).
   * @default - none
   */
  readonly serviceAccounts?: string[];

  /**
   * Namespaces whose workloads may send.
   * @default - none
   */
  readonly namespaces?: string[];
}

/**
 * Options for the NetworkPolicy that keeps client pods inside the cluster.
 */
export interface ClientNetworkPolicyOptions {
  /**
   * More namespaces the client pods may reach (in-cluster services they call). Their own namespace,
   * the egress gateway's, the control plane's and the cluster DNS are always allowed.
   * @default - none
   */
  readonly allowedNamespaces?: string[];

  /**
   * Namespace of istiod, which the sidecars must reach.
   * @default 'istio-system'
   */
  readonly controlPlaneNamespace?: string;

  /**
   * Namespace of the cluster DNS (UDP and TCP port 53).
   * @default 'kube-system'
   */
  readonly dnsNamespace?: string;
}

/**
 * Props for `EgressRoute`.
 */
export interface EgressRouteProps {
  /**
   * The external host: a DNS name (`edition.cnn.com`), or a wildcard (`*.wikipedia.org`) together
   * with `wildcardTarget`.
   */
  readonly host: string;

  /**
   * For a wildcard host, the concrete host that serves every name under it (`www.wikipedia.org`):
   * the gateway leg sends there, resolved by DNS. A wildcard cannot be resolved, and without DNS
   * resolution the egress gateway would send the traffic to itself.
   * @default - none; required for a wildcard host
   */
  readonly wildcardTarget?: string;

  /**
   * How the traffic is carried.
   * @default EgressMode.HTTP
   */
  readonly mode?: EgressMode;

  /**
   * The ports clients send to. Each gets both legs: mesh → egress gateway and egress gateway →
   * host.
   * @default [80], or [443] with EgressMode.TLS_PASSTHROUGH
   */
  readonly ports?: number[];

  /**
   * The host's TLS port the egress gateway originates TLS to (EgressMode.TLS_ORIGINATION).
   * @default 443
   */
  readonly originationPort?: number;

  /**
   * The TLS the egress gateway originates (EgressMode.TLS_ORIGINATION).
   * @default OriginationTls.simple()
   */
  readonly originationTls?: OriginationTls;

  /**
   * Istio mutual TLS from the clients' sidecars to the egress gateway: the gateway listens with
   * HTTPS terminated as `ISTIO_MUTUAL`, and the clients' DestinationRule sends `ISTIO_MUTUAL` with
   * the host as SNI. Istio's automatic mutual TLS does not cover this hop (the gateway's plain
   * server expects plain text), so without it the requests cross the cluster network in the clear
   * and the gateway cannot tell clients apart (`allowedClients` needs it).
   * @default true, except with EgressMode.TLS_PASSTHROUGH (the clients' own TLS is passed through)
   */
  readonly mutualTls?: boolean;

  /**
   * Which API to render.
   * @default ApiFlavor.ISTIO
   */
  readonly api?: ApiFlavor;

  /**
   * The name the objects are named after: the ServiceEntry `<name>`, the Gateway
   * `<name>-egress-gateway`, the DestinationRule `egressgateway-for-<name>` with subset `<name>`,
   * the VirtualService `direct-<name>-through-egress-gateway` (Istio API), the routes
   * `direct-<name>-to-egress-gateway` and `forward-<name>-from-egress-gateway` (Gateway API) and
   * the DestinationRule `originate-tls-for-<name>`. At most 42 characters with the Gateway API.
   * @default - derived from the construct path
   */
  readonly name?: string;

  /**
   * Namespace of the ServiceEntry, the routes and the Gateway object (with the Gateway API, also of
   * the gateway Istio deploys).
   * @default - the chart's namespace, else `default`
   */
  readonly namespace?: string;

  /**
   * The namespaces whose workloads send through this route. With the Istio API each gets the
   * DestinationRule that defines the route's subset of the egress gateway (a DestinationRule is only
   * found in the client's namespace, the Service's and the root namespace); the NetworkPolicy
   * lock-down applies to each.
   * @default - [namespace]
   */
  readonly clientNamespaces?: string[];

  /**
   * Labels of the egress gateway's pods the Gateway binds to (Istio API).
   * @default { istio: 'egressgateway' }, or the deployed workload's labels
   */
  readonly gatewaySelector?: { [key: string]: string };

  /**
   * Name of the egress gateway's Service (Istio API).
   * @default 'istio-egressgateway', or the deployed workload's name
   */
  readonly gatewayServiceName?: string;

  /**
   * Namespace of the egress gateway's pods and Service (Istio API).
   * @default 'istio-system', or the deployed workload's namespace
   */
  readonly gatewayNamespace?: string;

  /**
   * Deploy the egress gateway (Istio API): Istio's `gateway` chart as `istio-egressgateway` in
   * `istio-system` with the label `istio: egressgateway`, a ClusterIP Service and a port per client
   * port. With the Gateway API, Istio deploys it for the Gateway.
   * @default - use an existing egress gateway
   */
  readonly workload?: GatewayWorkloadProps;

  /**
   * Load balancing toward the egress gateway's pods and, with TLS origination, the external host.
   * @default - Istio's default (LEAST_REQUEST)
   */
  readonly loadBalancer?: LoadBalancerAlgorithm;

  /**
   * Lock the egress gateway down to these clients: an ALLOW AuthorizationPolicy on its pods, for
   * this route's host. An ALLOW policy denies whatever no ALLOW policy allows, so other routes
   * through the same gateway need their own. Needs `mutualTls` (the clients' identity).
   * @default - any client that reaches the gateway
   */
  readonly allowedClients?: EgressClients;

  /**
   * Lock the client namespaces in: a NetworkPolicy in each that lets their pods reach only the
   * cluster DNS, the control plane, the egress gateway and in-cluster namespaces, so only the egress
   * gateway reaches outside the cluster, whatever a pod does about its sidecar.
   * @default - no NetworkPolicy
   */
  readonly clientNetworkPolicy?: ClientNetworkPolicyOptions;
}

/**
 * Traffic from the mesh to an external host through an egress gateway, in one piece: the
 * ServiceEntry (DNS resolution; a wildcard with a concrete target), the Gateway on the egress
 * workload, the DestinationRules, and the routes with both legs for every port (mesh → egress
 * gateway, egress gateway → host), written in Istio's API or the Gateway API. Optionally the egress
 * gateway's workload, an AuthorizationPolicy that admits only named clients, and a NetworkPolicy
 * that keeps the clients from reaching outside the cluster but through the gateway.
 */
export class EgressRoute extends Construct {
  /** The external host. */
  public readonly host: string;
  /** Which API the route is written in. */
  public readonly api: ApiFlavor;
  /** The ServiceEntry of the host. */
  public readonly serviceEntry: ApiObject;
  /** The ServiceEntry of a wildcard host's concrete target. */
  public readonly targetServiceEntry?: ApiObject;
  /** The Gateway object of the egress gateway. */
  public readonly gateway: ApiObject;
  /** The VirtualService (Istio API), or the mesh and gateway routes (Gateway API). */
  public readonly routes: ApiObject[];
  /** The DestinationRules: the egress gateway's subset or mutual TLS, and TLS origination. */
  public readonly destinationRules: ApiObject[];
  /** The AuthorizationPolicy, with `allowedClients`. */
  public readonly authorizationPolicy?: ApiObject;
  /** The NetworkPolicies, one per client namespace, with `clientNetworkPolicy`. */
  public readonly networkPolicies: ApiObject[];
  /** The egress gateway's workload, when this construct deploys it. */
  public readonly workload?: GatewayWorkload;
  /** Fully qualified host of the egress gateway's Service. */
  public readonly gatewayServiceHost: string;

  public constructor(scope: Construct, id: string, givenProps: EgressRouteProps) {
    super(scope, id);
    const input: InputProblems = [];
    const props = checkStruct(EGRESS_ROUTE_SHAPE, givenProps, input, '{ host: "api.example.com" }', '', true);
    this.host = props.host;
    this.api = props.api ?? ApiFlavor.ISTIO;
    const mode = props.mode ?? EgressMode.HTTP;
    const namespace = resolveNamespace(this, props.namespace);
    // At most 42, so that `<name>-egress-gateway-istio`, the Service Istio deploys, is a DNS label.
    const name = props.name ?? Names.toDnsLabel(this, { maxLen: 42 });
    const ports = [...(props.ports ?? [mode === EgressMode.TLS_PASSTHROUGH ? 443 : 80])];
    const mutualTls = props.mutualTls ?? mode !== EgressMode.TLS_PASSTHROUGH;
    const gatewayName = `${name}-egress-gateway`;

    let gateway: EgressGatewayModel;
    if (this.api === ApiFlavor.GATEWAY_API) {
      // Istio deploys `<gateway>-istio` for the Gateway, in its namespace, labelled with its name.
      const serviceName = `${gatewayName}-istio`;
      gateway = {
        name: gatewayName,
        namespace,
        workloadNamespace: namespace,
        selector: { 'gateway.networking.k8s.io/gateway-name': gatewayName },
        serviceName,
        serviceHost: serviceHost(serviceName, namespace),
      };
    } else {
      if (props.workload) {
        this.workload = new GatewayWorkload(this, 'Workload', {
          ...props.workload,
          name: orDefault(props.workload.name, 'istio-egressgateway'),
          namespace: orDefault(props.workload.namespace, 'istio-system'),
          istioLabel: orDefault(props.workload.istioLabel, 'egressgateway'),
          serviceType: orDefault(props.workload.serviceType, ServiceType.CLUSTER_IP),
          // A port the proxy reserves is refused by the route's rules, not again by the workload's.
          ports: orDefault(
            props.workload.ports,
            ports.filter((port) => PROXY_RESERVED_PORTS[port] === undefined).map((port) => workloadPort(mode, port)),
          ),
        });
      }
      const serviceName = props.gatewayServiceName ?? this.workload?.workloadName ?? 'istio-egressgateway';
      const workloadNamespace = props.gatewayNamespace ?? this.workload?.workloadNamespace ?? 'istio-system';
      gateway = {
        name: gatewayName,
        namespace,
        workloadNamespace,
        selector: props.gatewaySelector ?? this.workload?.selectorLabels ?? { istio: 'egressgateway' },
        serviceName,
        serviceHost: serviceHost(serviceName, workloadNamespace),
      };
    }
    this.gatewayServiceHost = gateway.serviceHost;

    const originationTls = props.originationTls ?? OriginationTls.simple();
    const model: EgressRouteModel = {
      constructPath: this.node.path,
      api: this.api,
      mode: mode as string as EgressModeName,
      names: {
        serviceEntry: name,
        targetServiceEntry: `${name}-target`,
        subset: name,
        gatewayRule: `egressgateway-for-${name}`,
        virtualService: `direct-${name}-through-egress-gateway`,
        meshRoute: `direct-${name}-to-egress-gateway`,
        gatewayRoute: `forward-${name}-from-egress-gateway`,
        originationRule: `originate-tls-for-${name}`,
        authorizationPolicy: `${name}-egress-clients`,
        networkPolicy: `${name}-egress-lockdown`,
      },
      namespace,
      host: props.host,
      wildcardTarget: props.wildcardTarget,
      ports,
      originationPort: props.originationPort ?? 443,
      originationTls: {
        mode: originationTls.isMutual ? 'MUTUAL' : 'SIMPLE',
        credentialName: originationTls.credentialName,
        caCertificates: originationTls.caCertificates,
        sni: originationTls.sni ?? (isWildcard(props.host) ? undefined : props.host),
        subjectAltNames: originationTls.subjectAltNames,
        skipServerNameCheckReason: originationTls.skipServerNameCheckReason,
      },
      mutualTls,
      clientNamespaces: [...(props.clientNamespaces ?? [namespace])],
      gateway,
      loadBalancer: props.loadBalancer,
      allowedClients: props.allowedClients && {
        serviceAccounts: [...(props.allowedClients.serviceAccounts ?? [])],
        namespaces: [...(props.allowedClients.namespaces ?? [])],
      },
      clientNetworkPolicy: props.clientNetworkPolicy && {
        allowedNamespaces: [...(props.clientNetworkPolicy.allowedNamespaces ?? [])],
        controlPlaneNamespace: props.clientNetworkPolicy.controlPlaneNamespace ?? 'istio-system',
        dnsNamespace: props.clientNetworkPolicy.dnsNamespace ?? 'kube-system',
      },
      explicit: {
        wildcardTarget: props.wildcardTarget !== undefined,
        originationPort: props.originationPort !== undefined,
        originationTls: props.originationTls !== undefined,
        mutualTls: props.mutualTls !== undefined,
        gatewaySelector: props.gatewaySelector !== undefined,
        gatewayServiceName: props.gatewayServiceName !== undefined,
        gatewayNamespace: props.gatewayNamespace !== undefined,
        workload: props.workload !== undefined,
      },
      workloadServicePorts: this.workload && (() => this.workload!.servicePorts.map((port) => port.port)),
      workloadServiceType: this.workload && orDefault(props.workload?.serviceType, ServiceType.CLUSTER_IP),
    };

    const objects: EgressObjects = this.api === ApiFlavor.GATEWAY_API ? renderGatewayApiEgress(this, model) : renderIstioApiEgress(this, model);
    this.serviceEntry = objects.serviceEntry;
    this.targetServiceEntry = objects.targetServiceEntry;
    this.gateway = objects.gateway;
    this.routes = objects.routes;
    this.destinationRules = objects.destinationRules;
    this.authorizationPolicy = objects.authorizationPolicy;
    this.networkPolicies = objects.networkPolicies;
    this.node.defaultChild = this.serviceEntry;
    claimEgressHost(this, props.host, this.node.path);
    const registry = AppRegistry.of(this);
    registry.registerOwner(this);
    if (this.api === ApiFlavor.ISTIO) {
      registry.registerEgressGateway(this, {
        namespace: gateway.workloadNamespace,
        selector: gateway.selector,
        locksDown: props.allowedClients !== undefined,
        // Read at validation: the Gateway's servers, one per client port.
        servers: () => model.ports.map((port) => ({ port, protocol: gatewayProtocol(model) })),
      });
    }
    this.node.addValidation({ validate: inputFirst(input, () => egressProblems(model, this)) });
  }
}

/**
 * A Service port of the deployed egress gateway, named for what the clients send (the sidecars read
 * the protocol from the name), as the chart names its own: `http2` 80 and `https` 443.
 */
const NAMESPACES = optional(list(str('team-a'), '["team-a"]'));
const EGRESS_ROUTE_SHAPE: Shape<EgressRouteProps> = {
  host: required(str('api.example.com'), '', 'give the external host, like "api.example.com"'),
  wildcardTarget: optional(str('api.example.com')),
  mode: optional(enumOf(EgressMode, 'EgressMode')),
  ports: optional(list(portNumber, '[443]')),
  originationPort: optional(portNumber),
  originationTls: optional(instanceOf(OriginationTls, 'OriginationTls.simple() or OriginationTls.mutual()')),
  mutualTls: optional(bool),
  api: optional(enumOf(ApiFlavor, 'ApiFlavor')),
  name: optional(str('api')),
  namespace: optional(str('team-a')),
  clientNamespaces: NAMESPACES,
  gatewaySelector: optional(stringMap('{ istio: "egressgateway" }')),
  gatewayServiceName: optional(str('istio-egressgateway')),
  gatewayNamespace: optional(str('istio-system')),
  workload: optional(WORKLOAD_SHAPE_CHECK),
  loadBalancer: optional(enumOf(LoadBalancerAlgorithm, 'LoadBalancerAlgorithm')),
  allowedClients: optional(struct<EgressClients>({ serviceAccounts: optional(list(str('default/app'), '["default/app"]')), namespaces: NAMESPACES }, '{ namespaces: ["team-a"] }', true)),
  clientNetworkPolicy: optional(
    struct<ClientNetworkPolicyOptions>(
      { allowedNamespaces: NAMESPACES, controlPlaneNamespace: optional(str('istio-system')), dnsNamespace: optional(str('kube-system')) },
      '{ allowedNamespaces: ["team-a"] }',
      true,
    ),
  ),
};

/** `value`, else `fallback` when it is left out (a null stays: the workload reports it). */
function orDefault<T>(value: T | undefined, fallback: T): T {
  return value !== undefined ? value : fallback;
}

function workloadPort(mode: EgressMode, port: number): GatewayServicePort {
  const name = mode === EgressMode.TLS_PASSTHROUGH ? (port === 443 ? 'https' : `tls-${port}`) : port === 80 ? 'http2' : `http-${port}`;
  return { name, port, protocol: PortProtocol.TCP };
}
