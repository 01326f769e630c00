import { Construct } from 'constructs';
import { ApiFlavor } from './api-flavor';
import { Backend } from './backend';
import { GatewayAddress, IngressGateway } from './ingress-gateway';
import { GatewayListener } from './listener';
import { AppRegistry } from './model/registry';
import { resolveNamespace } from './namespace';
import { TlsRoute } from './stream-route';
import { bool, checkStruct, enumOf, inputFirst, InputProblems, instanceOf, optional, portNumber, required, Shape, str } from './validation/input-shape';
import { isNetworkName, networkProblems, NETWORK_LABEL, remoteNetworkProblems } from './validation/network-rules';
import { GatewayWorkload } from './workload/gateway-workload';
import { GatewayServicePort, PortProtocol } from './workload/service-port';
import { GatewayWorkloadProps } from './workload/workload-props';
import { WORKLOAD_SHAPE_CHECK } from './workload/workload-shape';

/**
 * Which data plane the east-west gateway serves.
 */
export enum EastWestMode {
  /** Sidecars: Istio mTLS passed through on 15443 (AUTO_PASSTHROUGH). */
  SIDECAR = 'sidecar',
  /** Ambient: HBONE on 15008, terminated with Istio mutual TLS (Gateway API, class `istio-east-west`). */
  AMBIENT = 'ambient',
}

/**
 * Props for `EastWestGateway`.
 */
export interface EastWestGatewayProps {
  /**
   * The network this cluster is on. It is written everywhere it must agree: the
   * `topology.istio.io/network` label of the pods, the Service and the Gateway, and
   * `ISTIO_META_REQUESTED_NETWORK_VIEW`.
   */
  readonly network: string;

  /**
   * The cluster's name, to catch two clusters claiming one network in one app.
   * @default - unnamed
   */
  readonly cluster?: string;

  /**
   * Which API to render.
   * @default ApiFlavor.ISTIO
   */
  readonly api?: ApiFlavor;

  /**
   * Sidecar or ambient data plane (ambient needs the Gateway API).
   * @default EastWestMode.SIDECAR
   */
  readonly mode?: EastWestMode;

  /**
   * Namespace of the gateway and its workload.
   * @default 'istio-system'
   */
  readonly namespace?: string;

  /**
   * Name of the workload (Istio API) or of the Gateway (Gateway API).
   * @default 'istio-eastwestgateway'
   */
  readonly name?: string;

  /**
   * Expose istiod (15012, and the webhook 15017) through this gateway, for remote clusters whose
   * control plane is here (primary-remote).
   * @default false
   */
  readonly exposeIstiod?: boolean;

  /**
   * Deploy the gateway workload, as `gen-eastwest-gateway.sh` does (Istio API only: with the Gateway
   * API Istio deploys it for the Gateway).
   * @default true
   */
  readonly deployWorkload?: boolean;

  /**
   * Further settings of the deployed workload (service type, replicas, resources...). Its name,
   * namespace, labels, network and ports come from this construct.
   * @default - the chart's defaults
   */
  readonly workload?: GatewayWorkloadProps;
}

const NETWORK = required(str('network1'), '', 'give the network name, like "network1"');
const API = optional(enumOf(ApiFlavor, 'ApiFlavor'));
const EAST_WEST_SHAPE: Shape<EastWestGatewayProps> = {
  network: NETWORK,
  cluster: optional(str('cluster1')),
  api: API,
  mode: optional(enumOf(EastWestMode, 'EastWestMode')),
  namespace: optional(str('istio-system')),
  name: optional(str('istio-eastwestgateway')),
  exposeIstiod: optional(bool),
  deployWorkload: optional(bool),
  workload: optional(WORKLOAD_SHAPE_CHECK),
};
const REMOTE_NETWORK_SHAPE: Shape<RemoteNetworkGatewayProps> = {
  network: NETWORK,
  address: required(instanceOf(GatewayAddress, 'GatewayAddress.ip() or GatewayAddress.hostname()'), undefined as unknown as GatewayAddress, 'give it, like GatewayAddress.ip("192.0.2.10")'),
  port: optional(portNumber),
  name: optional(str('network2-eastwestgateway')),
  namespace: optional(str('istio-system')),
};

const ISTIOD_HOST_NAMES = ['istiod.istio-system.svc', 'istiod.istio-system.svc.cluster.local'];

/**
 * The gateway of a multi-network mesh: it takes Istio mTLS from other networks on 15443 and passes
 * it to the workloads it is meant for (AUTO_PASSTHROUGH for `*.local`), optionally exposes istiod,
 * and, in ambient mode, terminates HBONE on 15008. One `network` drives every place the network name
 * must appear.
 */
export class EastWestGateway extends Construct {
  /** The network. */
  public readonly network: string;
  /** The cross-network gateway (the ambient gateway in ambient mode). */
  public readonly crossNetworkGateway: IngressGateway;
  /** The Istio API gateway that exposes istiod, when separate from the cross-network one. */
  public readonly istiodGateway?: IngressGateway;
  /** The deployed workload (Istio API). */
  public readonly workload?: GatewayWorkload;

  public constructor(scope: Construct, id: string, givenProps: EastWestGatewayProps) {
    super(scope, id);
    const input: InputProblems = [];
    const props = checkStruct(EAST_WEST_SHAPE, givenProps, input, '{ network: "network1" }', '', true);
    AppRegistry.of(this).registerOwner(this, props.cluster);
    const api = props.api ?? ApiFlavor.ISTIO;
    const mode = props.mode ?? EastWestMode.SIDECAR;
    const namespace = props.namespace ?? 'istio-system';
    const name = props.name ?? 'istio-eastwestgateway';
    const exposeIstiod = (props.exposeIstiod ?? false) && mode === EastWestMode.SIDECAR;
    this.network = props.network;
    const networkLabels = { [NETWORK_LABEL]: props.network };

    AppRegistry.of(this).registerNetworkClaim(this, { network: props.network, cluster: props.cluster, path: this.node.path });
    this.node.addValidation({ validate: inputFirst(input, () => [...networkProblems(this, api, mode), ...ignoredOptionProblems(props, api, mode)]) });

    if (api === ApiFlavor.ISTIO && (props.deployWorkload ?? true)) {
      const ports: GatewayServicePort[] = [{ name: 'tls', port: 15443, protocol: PortProtocol.TCP }];
      if (exposeIstiod) {
        ports.push({ name: 'tls-istiod', port: 15012, protocol: PortProtocol.TCP }, { name: 'tls-webhook', port: 15017, protocol: PortProtocol.TCP });
      }
      this.workload = new GatewayWorkload(this, 'Workload', {
        ...props.workload,
        name,
        namespace,
        istioLabel: 'eastwestgateway',
        // A network that is not a label value is reported by this construct, not again by the workload.
        network: isNetworkName(props.network) ? props.network : undefined,
        ports,
      });
    }
    // As Istio's samples select it (the deployed pods carry this label too).
    const selector = { istio: 'eastwestgateway' };

    if (mode === EastWestMode.AMBIENT) {
      this.crossNetworkGateway = new IngressGateway(this, 'Gateway', {
        // With the Istio API, refused above (ambient is Gateway API only): the Gateway is built in
        // the Gateway API so that its HBONE listener is not refused a second time.
        api: ApiFlavor.GATEWAY_API,
        name,
        namespace,
        gatewayClassName: 'istio-east-west',
        cluster: props.cluster,
        labels: networkLabels,
        listeners: [GatewayListener.hbone()],
      });
      return;
    }

    if (api === ApiFlavor.ISTIO) {
      // Istio's samples: `cross-network-gateway` (expose-services.yaml) and `istiod-gateway` with
      // `istiod-vs` (expose-istiod.yaml).
      this.crossNetworkGateway = new IngressGateway(this, 'CrossNetwork', {
        api,
        name: 'cross-network-gateway',
        namespace,
        cluster: props.cluster,
        selector,
        listeners: [GatewayListener.autoPassthrough()],
      });
      if (exposeIstiod) {
        this.istiodGateway = new IngressGateway(this, 'Istiod', {
          api,
          name: 'istiod-gateway',
          namespace,
          cluster: props.cluster,
          selector,
          listeners: [
            GatewayListener.tlsPassthrough({ name: 'tls-istiod', port: 15012, hosts: ['*'] }),
            GatewayListener.tlsPassthrough({ name: 'tls-istiodwebhook', port: 15017, hosts: ['*'] }),
          ],
        });
        const route = new TlsRoute(this.istiodGateway, 'IstiodRoute', {
          gateway: this.istiodGateway,
          name: 'istiod-vs',
          namespace,
          port: 15012,
          hosts: ['*'],
          backends: [Backend.service('istiod', { namespace: 'istio-system', port: 15012 })],
        });
        route.addRule({ port: 15017, hosts: ['*'], backends: [Backend.service('istiod', { namespace: 'istio-system', port: 443 })] });
      }
      return;
    }

    // Gateway API: one Gateway carrying the network label, Istio deploys its workload.
    const listeners = [GatewayListener.autoPassthrough({ name: 'cross-network' })];
    if (exposeIstiod) {
      listeners.push(
        GatewayListener.tlsPassthrough({ name: 'tls-istiod', port: 15012, hosts: ['*'] }),
        GatewayListener.tlsPassthrough({ name: 'tls-webhook', port: 15017, hosts: ['*'] }),
      );
    }
    this.crossNetworkGateway = new IngressGateway(this, 'Gateway', { api, name, namespace, cluster: props.cluster, labels: networkLabels, listeners });
    if (exposeIstiod) {
      this.crossNetworkGateway.addTlsRoute('IstiodApi', {
        name: 'istiod-api',
        namespace,
        port: 15012,
        hosts: ISTIOD_HOST_NAMES,
        backends: [Backend.service('istiod', { namespace: 'istio-system', port: 15012 })],
      });
      this.crossNetworkGateway.addTlsRoute('IstiodWebhook', {
        name: 'istiod-webhook',
        namespace,
        port: 15017,
        hosts: ISTIOD_HOST_NAMES,
        backends: [Backend.service('istiod', { namespace: 'istio-system', port: 443 })],
      });
    }
  }
}

/**
 * Props for `RemoteNetworkGateway`.
 */
export interface RemoteNetworkGatewayProps {
  /** The remote network. */
  readonly network: string;

  /** Where the remote network's east-west gateway is reached. */
  readonly address: GatewayAddress;

  /**
   * Its cross-network port.
   * @default 15443
   */
  readonly port?: number;

  /**
   * Name of the Gateway.
   * @default - `<network>-eastwestgateway`
   */
  readonly name?: string;

  /**
   * Namespace of the Gateway.
   * @default 'istio-system'
   */
  readonly namespace?: string;
}

/**
 * Another network's east-west gateway, made known to this cluster (Gateway API class
 * `istio-remote`), so traffic to that network's workloads goes through it.
 */
export class RemoteNetworkGateway extends Construct {
  /** The Gateway. */
  public readonly gateway: IngressGateway;

  public constructor(scope: Construct, id: string, givenProps: RemoteNetworkGatewayProps) {
    super(scope, id);
    const input: InputProblems = [];
    const props = checkStruct(REMOTE_NETWORK_SHAPE, givenProps, input, '{ network: "network2", address: GatewayAddress.ip("192.0.2.10") }', '', true);
    AppRegistry.of(this).registerOwner(this);
    // The default name comes from the network: a network that cannot name the Gateway is reported
    // here, once, and the Gateway gets a stand-in name (nothing is written when a rule fails).
    const derivedName = `${props.network}-eastwestgateway`;
    const nameFromNetwork = props.name === undefined && typeof props.network === 'string';
    this.node.addValidation({ validate: inputFirst(input, () => remoteNetworkProblems(props.network, nameFromNetwork ? derivedName : undefined)) });
    const standIn = nameFromNetwork && remoteNetworkProblems(props.network, derivedName).length > 0;
    this.gateway = new IngressGateway(this, 'Gateway', {
      api: ApiFlavor.GATEWAY_API,
      name: props.name ?? (standIn ? 'network-eastwestgateway' : derivedName),
      namespace: resolveNamespace(this, props.namespace ?? 'istio-system'),
      gatewayClassName: 'istio-remote',
      labels: isNetworkName(props.network) ? { [NETWORK_LABEL]: props.network } : {},
      addresses: props.address ? [props.address] : [],
      listeners: [GatewayListener.autoPassthrough({ name: 'cross-network', port: props.port ?? 15443 })],
    });
  }
}

/** Workload settings the east-west gateway decides itself, and the option that sets each. */
const OWN_WORKLOAD_SETTINGS: { [key: string]: string } = {
  name: 'set name',
  namespace: 'set namespace',
  istioLabel: "the gateway's pods are selected by istio=eastwestgateway",
  network: 'set network',
  ports: 'they follow exposeIstiod',
};

/** Options that would have no effect in this combination: refused rather than dropped. */
function ignoredOptionProblems(props: EastWestGatewayProps, api: ApiFlavor, mode: EastWestMode): string[] {
  const problems: string[] = [];
  if (props.exposeIstiod && mode === EastWestMode.AMBIENT) {
    problems.push('exposeIstiod is set, but the ambient east-west gateway does not expose istiod; remove exposeIstiod, or use EastWestMode.SIDECAR.');
  }
  if (api === ApiFlavor.GATEWAY_API) {
    if (props.deployWorkload === false) {
      problems.push('deployWorkload is false, but with the Gateway API Istio deploys the gateway for the Gateway itself; remove deployWorkload, or render with ApiFlavor.ISTIO.');
    }
    if (props.workload !== undefined) {
      problems.push('workload is an Istio API option: with the Gateway API Istio deploys the gateway for the Gateway; remove workload, or render with ApiFlavor.ISTIO.');
    }
    return problems;
  }
  if (props.workload === undefined) return problems;
  if (props.deployWorkload === false) {
    problems.push('workload is set, but deployWorkload is false, so no workload is deployed; remove workload, or deploy it.');
    return problems;
  }
  for (const [key, fix] of Object.entries(OWN_WORKLOAD_SETTINGS)) {
    if ((props.workload as { [key: string]: unknown })[key] !== undefined) {
      problems.push(`workload.${key} is set, but the east-west gateway sets it itself (${fix}); remove it from workload.`);
    }
  }
  return problems;
}
