import type { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { kube } from '../kube';
import {
  CONTAINER_PORTS,
  CONTAINER_SECURITY_CONTEXT,
  NETWORK_VIEW_ENV,
  POD_SECURITY_CONTEXT,
  STATUS_PORT,
  STATUS_PORT_NAME,
} from './chart-defaults';
import { WorkloadModel } from './model';
import { GatewayServicePort, PortProtocol } from './service-port';
import { objectLabelsOf, podLabelsOf, selectorLabelsOf, serviceLabelsOf } from './workload-labels';
import { ImagePullPolicy } from './workload-props';

/*
 * One function per object of Istio's `gateway` chart, each rendering what the chart's template
 * renders for the same values.
 */

function metadata(model: WorkloadModel, labels = objectLabelsOf(model)): k8s.ObjectMeta {
  return { name: model.name, namespace: model.namespace, labels };
}

/** @internal */
export function serviceAccount(scope: Construct, model: WorkloadModel): k8s.KubeServiceAccount {
  return new (kube().KubeServiceAccount)(scope, 'ServiceAccount', { metadata: metadata(model) });
}

/** Read access to Secrets, for the TLS credentials (`credentialName`) of Istio API gateways. @internal */
export function role(scope: Construct, model: WorkloadModel): k8s.KubeRole {
  return new (kube().KubeRole)(scope, 'Role', {
    metadata: metadata(model),
    rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'watch', 'list'] }],
  });
}

/** @internal */
export function roleBinding(scope: Construct, model: WorkloadModel): k8s.KubeRoleBinding {
  return new (kube().KubeRoleBinding)(scope, 'RoleBinding', {
    metadata: metadata(model),
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: model.name },
    subjects: [{ kind: 'ServiceAccount', name: model.name }],
  });
}

/** @internal */
export function deployment(
  scope: Construct,
  model: WorkloadModel,
  container: { imagePullPolicy?: ImagePullPolicy; readinessProbe?: k8s.Probe; envVarFrom: k8s.EnvVar[] },
): k8s.KubeDeployment {
  const env: k8s.EnvVar[] = [
    ...(model.network !== undefined ? [{ name: NETWORK_VIEW_ENV, value: model.network }] : []),
    // Helm ranges over a map in the order of its keys.
    ...Object.keys(model.env).sort().map((name) => ({ name, value: model.env[name] })),
    ...container.envVarFrom,
  ];
  return new (kube().KubeDeployment)(scope, 'Deployment', {
    metadata: metadata(model),
    spec: {
      // The autoscaler owns the pod count when it is on.
      replicas: model.autoscaling.enabled ? undefined : model.replicas,
      selector: { matchLabels: selectorLabelsOf(model) },
      template: {
        metadata: { annotations: { ...model.podAnnotations }, labels: podLabelsOf(model) },
        spec: {
          serviceAccountName: model.name,
          securityContext: clone(POD_SECURITY_CONTEXT),
          containers: [
            {
              name: 'istio-proxy',
              // "auto": the injection webhook puts in the proxy image of the mesh's revision.
              image: 'auto',
              imagePullPolicy: container.imagePullPolicy,
              securityContext: clone(CONTAINER_SECURITY_CONTEXT),
              env: env.length > 0 ? env : undefined,
              ports: clone(CONTAINER_PORTS),
              resources: resources(model),
              readinessProbe: container.readinessProbe,
            },
          ],
          terminationGracePeriodSeconds: model.terminationGracePeriodSeconds,
        },
      },
    },
  });
}

function resources(model: WorkloadModel): k8s.ResourceRequirements {
  const quantities = (amounts: { cpu?: string; memory?: string }) => {
    const entries = Object.entries(amounts).filter(([, value]) => value !== undefined && value !== '');
    return entries.length > 0 ? Object.fromEntries(entries.map(([key, value]) => [key, kube().Quantity.fromString(value!)])) : undefined;
  };
  return { limits: quantities(model.resources.limits), requests: quantities(model.resources.requests) };
}

/**
 * The Service. Its `ports` array stays shared with the workload, so ports added later are rendered.
 * @internal
 */
export function service(scope: Construct, model: WorkloadModel, ports: k8s.ServicePort[]): k8s.KubeService {
  return new (kube().KubeService)(scope, 'Service', {
    metadata: {
      ...metadata(model, serviceLabelsOf(model)),
      annotations: { ...model.serviceAnnotations },
    },
    spec: {
      type: model.serviceType,
      ports,
      selector: { ...model.serviceSelectorLabels, ...selectorLabelsOf(model) },
    },
  });
}

/** The `status-port` entry every gateway Service starts with. @internal */
export const STATUS_SERVICE_PORT: GatewayServicePort = { name: STATUS_PORT_NAME, port: STATUS_PORT };

/** @internal */
export function servicePort(port: GatewayServicePort): k8s.ServicePort {
  return {
    name: port.name,
    port: port.port,
    protocol: port.protocol ?? PortProtocol.TCP,
    targetPort: kube().IntOrString.fromNumber(port.targetPort ?? port.port),
    nodePort: port.nodePort,
  };
}

/** @internal */
export function autoscaler(scope: Construct, model: WorkloadModel): k8s.KubeHorizontalPodAutoscalerV2 {
  const { autoscaling } = model;
  const utilization = (name: string, percent?: number): k8s.MetricSpecV2[] =>
    percent === undefined ? [] : [{ type: 'Resource', resource: { name, target: { averageUtilization: percent, type: 'Utilization' } } }];
  return new (kube().KubeHorizontalPodAutoscalerV2)(scope, 'Autoscaler', {
    metadata: metadata(model),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: model.name },
      minReplicas: autoscaling.minReplicas,
      maxReplicas: autoscaling.maxReplicas,
      metrics: [
        ...utilization('cpu', autoscaling.targetCpuUtilizationPercentage),
        ...utilization('memory', autoscaling.targetMemoryUtilizationPercentage),
      ],
    },
  });
}

/** @internal */
export function disruptionBudget(scope: Construct, model: WorkloadModel): k8s.KubePodDisruptionBudget {
  const { minAvailable, maxUnavailable } = model.disruptionBudget;
  return new (kube().KubePodDisruptionBudget)(scope, 'DisruptionBudget', {
    metadata: metadata(model),
    spec: {
      selector: { matchLabels: selectorLabelsOf(model) },
      minAvailable: minAvailable !== undefined ? kube().IntOrString.fromNumber(minAvailable) : undefined,
      maxUnavailable: maxUnavailable !== undefined ? kube().IntOrString.fromNumber(maxUnavailable) : undefined,
    },
  });
}

/** A deep copy of a chart default, so no two objects share (and escape hatches never change) it. */
function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value));
}
