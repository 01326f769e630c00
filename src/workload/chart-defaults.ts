/*
 * What Istio's `gateway` Helm chart renders when its values are left alone. Each constant names the
 * value it stands for.
 */

/** The status port of the proxy: `/healthz/ready`, and the port every gateway Service exposes first. @internal */
export const STATUS_PORT = 15021;
/** @internal */
export const STATUS_PORT_NAME = 'status-port';

/**
 * Ports the proxy itself listens on in the pod; a listener (Service targetPort) cannot use them.
 * @internal
 */
export const PROXY_RESERVED_PORTS: { [port: number]: string } = {
  15000: 'Envoy admin',
  15001: 'outbound capture',
  15004: 'debug',
  15006: 'inbound capture',
  15008: 'HBONE',
  15009: 'HBONE',
  15020: 'merged Prometheus metrics',
  15021: 'health checks (status-port)',
  15053: 'DNS proxy',
  15090: 'Envoy Prometheus metrics',
};

/** `name` default. @internal */
export const DEFAULT_NAME = 'istio-ingressgateway';
/** Namespace when neither the props nor the chart give one. @internal */
export const FALLBACK_NAMESPACE = 'istio-system';

/** `service.ports` without `status-port`. @internal */
export const DEFAULT_PORTS = [
  { name: 'http2', port: 80 },
  { name: 'https', port: 443 },
];

/** The ports the chart exposes with `networkGateway` set, without `status-port`. @internal */
export const NETWORK_GATEWAY_PORTS = [
  { name: 'tls', port: 15443 },
  { name: 'tls-istiod', port: 15012 },
  { name: 'tls-webhook', port: 15017 },
];

/** `podAnnotations`. @internal */
export const POD_ANNOTATIONS: { [key: string]: string } = {
  'inject.istio.io/templates': 'gateway',
  'prometheus.io/path': '/stats/prometheus',
  'prometheus.io/port': '15020',
  'prometheus.io/scrape': 'true',
  'sidecar.istio.io/inject': 'true',
};

/** Label keys the workload sets itself; `labels` may not set them. @internal */
export const REVISION_LABEL = 'istio.io/rev';
/** @internal */
export const NETWORK_LABEL = 'topology.istio.io/network';
/** @internal */
export const DATAPLANE_MODE_LABEL = 'istio.io/dataplane-mode';
/** @internal */
export const INJECT_LABEL = 'sidecar.istio.io/inject';

/** The env variable the chart sets for `networkGateway`. @internal */
export const NETWORK_VIEW_ENV = 'ISTIO_META_REQUESTED_NETWORK_VIEW';

/** `resources`. @internal */
export const RESOURCES = {
  requests: { cpu: '100m', memory: '128Mi' },
  limits: { cpu: '2000m', memory: '1024Mi' },
};

/** `autoscaling`. @internal */
export const AUTOSCALING = { enabled: true, minReplicas: 1, maxReplicas: 5, targetCpuUtilizationPercentage: 80 };

/** `replicaCount`. @internal */
export const REPLICAS = 1;

/** `terminationGracePeriodSeconds`. @internal */
export const TERMINATION_GRACE_PERIOD_SECONDS = 30;

/**
 * The pod securityContext the chart renders when `securityContext` is unset, and the seccomp
 * profile the Pod Security Standard "restricted" requires, which the chart leaves to the cluster.
 * @internal
 */
export const POD_SECURITY_CONTEXT = {
  // Lets Envoy bind ports below 1024 (80, 443) without privileges; a safe sysctl since Kubernetes
  // 1.22, which "restricted" allows.
  sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }],
  seccompProfile: { type: 'RuntimeDefault' },
};

/** The `istio-proxy` securityContext the chart renders when `containerSecurityContext` is unset. @internal */
export const CONTAINER_SECURITY_CONTEXT = {
  capabilities: { drop: ['ALL'] },
  allowPrivilegeEscalation: false,
  privileged: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
};

/** The Envoy metrics port of the `istio-proxy` container. @internal */
export const CONTAINER_PORTS = [{ containerPort: 15090, protocol: 'TCP', name: 'http-envoy-prom' }];

/**
 * The readiness probe the injection webhook's `gateway` template gives `istio-proxy`, with Istio's
 * default `global.proxy.readiness*` values.
 * @internal
 */
export const STATUS_READINESS_PROBE = {
  path: '/healthz/ready',
  initialDelaySeconds: 0,
  periodSeconds: 15,
  timeoutSeconds: 3,
  failureThreshold: 4,
};
