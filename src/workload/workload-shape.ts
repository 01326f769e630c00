import { GatewayAutoscaling, GatewayDisruptionBudget } from './autoscaling';
import { GatewayResources, ResourceQuantities } from './resources';
import { GatewayServicePort, PortProtocol } from './service-port';
import { GatewayWorkloadProps, ImagePullPolicy, ServiceType } from './workload-props';
import { anything, objectAsGiven, bool, enumOf, list, num, optional, portNumber, required, Shape, str, stringMap, struct } from '../validation/input-shape';

/** What a GatewayServicePort must hold. */
export const SERVICE_PORT_SHAPE: Shape<GatewayServicePort> = {
  name: required(str('http2'), '', 'give the port a name, like "http2"'),
  port: required(portNumber, 0, 'give the port number, like 80'),
  protocol: optional(enumOf(PortProtocol, 'PortProtocol')),
  targetPort: optional(portNumber),
  nodePort: optional(portNumber),
};

const AUTOSCALING_SHAPE: Shape<GatewayAutoscaling> = {
  enabled: optional(bool),
  minReplicas: optional(num(1)),
  maxReplicas: optional(num(5)),
  targetCpuUtilizationPercentage: optional(num(80)),
  targetMemoryUtilizationPercentage: optional(num(80)),
};

const BUDGET_SHAPE: Shape<GatewayDisruptionBudget> = {
  enabled: optional(bool),
  minAvailable: optional(num(1)),
  maxUnavailable: optional(num(1)),
};

const QUANTITIES_SHAPE: Shape<ResourceQuantities> = { cpu: optional(str('100m')), memory: optional(str('128Mi')) };
const RESOURCES_SHAPE: Shape<GatewayResources> = {
  requests: optional(struct(QUANTITIES_SHAPE, '{ cpu: "100m", memory: "128Mi" }')),
  limits: optional(struct(QUANTITIES_SHAPE, '{ cpu: "2", memory: "1Gi" }')),
};

// The Kubernetes Probe, passed on as given: its numbers checked, its actions (structs of the
// generated Kubernetes types) kept as they are.
const PROBE_FIELDS = {
  exec: optional(anything),
  grpc: optional(anything),
  httpGet: optional(anything),
  tcpSocket: optional(anything),
  failureThreshold: optional(num(3)),
  initialDelaySeconds: optional(num(1)),
  periodSeconds: optional(num(15)),
  successThreshold: optional(num(1)),
  terminationGracePeriodSeconds: optional(num(30)),
  timeoutSeconds: optional(num(3)),
};

const MAP = (example: string) => optional(stringMap(example));

/** What GatewayWorkloadProps must hold. */
export const WORKLOAD_SHAPE: Shape<GatewayWorkloadProps> = {
  name: optional(str('istio-ingressgateway')),
  namespace: optional(str('istio-ingress')),
  appLabel: optional(str('istio-ingressgateway')),
  istioLabel: optional(str('ingressgateway')),
  labels: MAP('{ team: "web" }'),
  revision: optional(str('1-24')),
  network: optional(str('network1')),
  serviceType: optional(enumOf(ServiceType, 'ServiceType')),
  ports: optional(list(struct(SERVICE_PORT_SHAPE, '{ name: "http2", port: 80 }'), '[{ name: "http2", port: 80 }]')),
  serviceAnnotations: MAP('{ "service.beta.kubernetes.io/aws-load-balancer-type": "nlb" }'),
  serviceSelectorLabels: MAP('{ istio: "ingressgateway" }'),
  replicas: optional(num(2)),
  autoscaling: optional(struct(AUTOSCALING_SHAPE, '{ minReplicas: 2, maxReplicas: 5 }')),
  podDisruptionBudget: optional(struct(BUDGET_SHAPE, '{ minAvailable: 1 }')),
  resources: optional(struct(RESOURCES_SHAPE, '{ requests: { cpu: "100m" } }')),
  podAnnotations: MAP('{ "prometheus.io/scrape": "true" }'),
  env: MAP('{ ISTIO_META_ROUTER_MODE: "standard" }'),
  envVarFrom: optional(list(struct({ name: required(str('POD_IP'), '', 'give the variable a name'), value: optional(str('1')), valueFrom: optional(anything) }, '{ name: "X", valueFrom: {...} }'), '[{ name: "X", valueFrom: {...} }]')),
  readinessProbe: optional(struct({ ...PROBE_FIELDS }, '{ httpGet: {...} }')),
  imagePullPolicy: optional(enumOf(ImagePullPolicy, 'ImagePullPolicy')),
  terminationGracePeriodSeconds: optional(num(30)),
};

/**
 * A workload given as a field of another construct's props: an object, kept as given (the
 * GatewayWorkload made from it checks its fields, and reports them under its own path).
 */
export const WORKLOAD_SHAPE_CHECK = objectAsGiven('{ replicas: 2 }');
