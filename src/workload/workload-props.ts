import type { k8s } from 'cdk8s-plus-33';
import { GatewayAutoscaling, GatewayDisruptionBudget } from './autoscaling';
import { GatewayResources } from './resources';
import { GatewayServicePort } from './service-port';

/**
 * How the gateway's Service is reachable.
 */
export enum ServiceType {
  /** An external load balancer in front of node ports (the chart's default). */
  LOAD_BALANCER = 'LoadBalancer',
  /** A cluster-internal virtual IP only, e.g. for an egress gateway. */
  CLUSTER_IP = 'ClusterIP',
  /** A port on every node. */
  NODE_PORT = 'NodePort',
}

/**
 * When the kubelet pulls the `istio-proxy` image.
 */
export enum ImagePullPolicy {
  /** On every pod start. */
  ALWAYS = 'Always',
  /** Only when the node does not have it. */
  IF_NOT_PRESENT = 'IfNotPresent',
  /** Never; the image must be on the node. */
  NEVER = 'Never',
}

/**
 * Props for `GatewayWorkload`: the values of Istio's `gateway` Helm chart that a gateway
 * construct needs.
 */
export interface GatewayWorkloadProps {
  /**
   * Name of every object (the chart's release name, or `name`).
   * @default 'istio-ingressgateway'
   */
  readonly name?: string;

  /**
   * Namespace of every object (the chart's release namespace).
   * @default - the chart's namespace, else `istio-system`
   */
  readonly namespace?: string;

  /**
   * Value of the `app` label, one of the two selector labels.
   * @default - the name
   */
  readonly appLabel?: string;

  /**
   * Value of the `istio` label, one of the two selector labels, and what an Istio `Gateway`
   * usually selects (`istio: ingressgateway`).
   * @default - the name without its `istio-` prefix, e.g. `ingressgateway` for `istio-ingressgateway`
   */
  readonly istioLabel?: string;

  /**
   * More labels for every object and the pods (the chart's `labels`, except `app` and `istio`,
   * which are `appLabel` and `istioLabel` here).
   * @default - none
   */
  readonly labels?: { [key: string]: string };

  /**
   * The Istio revision (control plane) that injects the pods: the pods' `istio.io/rev` label.
   * @default - the default revision (no label)
   */
  readonly revision?: string;

  /**
   * The network this gateway connects, for multi-network meshes (the chart's `networkGateway`):
   * labels the pods and the Service `topology.istio.io/network: <network>` and sets
   * `ISTIO_META_REQUESTED_NETWORK_VIEW=<network>` on the proxy.
   * @default - not a network gateway
   */
  readonly network?: string;

  /**
   * How the Service is reachable.
   * @default ServiceType.LOAD_BALANCER
   */
  readonly serviceType?: ServiceType;

  /**
   * The Service ports: one per listener. `status-port` (15021) is always added first. More can be
   * added with `addPort()`.
   * @default - the chart's: `http2` 80 and `https` 443; with `network`, the chart's network-gateway
   * ports `tls` 15443, `tls-istiod` 15012 and `tls-webhook` 15017
   */
  readonly ports?: GatewayServicePort[];

  /**
   * Annotations of the Service, e.g. for the cloud's load balancer.
   * @default - none
   */
  readonly serviceAnnotations?: { [key: string]: string };

  /**
   * More labels the Service selects pods by, besides `app` and `istio` (the chart's
   * `service.selectorLabels`), e.g. `istio.io/rev: canary` during a revision upgrade.
   * @default - none
   */
  readonly serviceSelectorLabels?: { [key: string]: string };

  /**
   * Pods of the Deployment when autoscaling is off (the chart's `replicaCount`).
   * @default 1
   */
  readonly replicas?: number;

  /**
   * Horizontal pod autoscaling.
   * @default - on: 1 to 5 pods, aiming at 80% CPU
   */
  readonly autoscaling?: GatewayAutoscaling;

  /**
   * The PodDisruptionBudget, created when the workload runs more than one pod.
   * @default - `minAvailable: 1` when the workload runs more than one pod
   */
  readonly podDisruptionBudget?: GatewayDisruptionBudget;

  /**
   * CPU and memory of the `istio-proxy` container.
   * @default - the chart's: requests 100m CPU and 128Mi memory, limits 2000m CPU and 1024Mi memory
   */
  readonly resources?: GatewayResources;

  /**
   * More pod annotations, merged over the chart's (`inject.istio.io/templates: gateway`,
   * `sidecar.istio.io/inject: "true"` and the `prometheus.io/*` scrape annotations).
   * @default - the chart's only
   */
  readonly podAnnotations?: { [key: string]: string };

  /**
   * Environment variables of the `istio-proxy` container (the chart's `env`), in the order of their names.
   * @default - none
   */
  readonly env?: { [key: string]: string };

  /**
   * Environment variables from other sources, after `env` (the chart's `envVarFrom`).
   * @default - none
   */
  readonly envVarFrom?: k8s.EnvVar[];

  /**
   * The readiness probe of `istio-proxy`. The chart sets none: the injection webhook's `gateway`
   * template adds `GET /healthz/ready` on the status port 15021. Pass
   * `GatewayWorkload.statusPortReadinessProbe()` to write that probe into the Deployment.
   * @default - none; the injected one applies
   */
  readonly readinessProbe?: k8s.Probe;

  /**
   * Pull policy of the `istio-proxy` image.
   * @default - Kubernetes' default (the injected image decides)
   */
  readonly imagePullPolicy?: ImagePullPolicy;

  /**
   * Seconds a pod has to drain its connections when it stops.
   * @default 30
   */
  readonly terminationGracePeriodSeconds?: number;
}
