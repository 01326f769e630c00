import { GatewayServicePort } from './service-port';
import { ServiceType } from './workload-props';

/**
 * A gateway workload with every default applied: what the objects are rendered from and what the
 * validation rules check.
 *
 * @internal
 */
export interface WorkloadModel {
  readonly name: string;
  readonly namespace: string;
  readonly appLabel: string;
  readonly istioLabel: string;
  readonly labels: { [key: string]: string };
  readonly revision?: string;
  readonly network?: string;
  readonly serviceType: ServiceType;
  /** The listener ports, without `status-port`. */
  readonly ports: GatewayServicePort[];
  readonly serviceAnnotations: { [key: string]: string };
  readonly serviceSelectorLabels: { [key: string]: string };
  /** `replicas` as given (undefined when not given). */
  readonly replicasGiven?: number;
  readonly replicas: number;
  readonly autoscaling: {
    readonly enabled: boolean;
    readonly minReplicas: number;
    readonly maxReplicas: number;
    readonly targetCpuUtilizationPercentage?: number;
    readonly targetMemoryUtilizationPercentage?: number;
  };
  readonly disruptionBudget: {
    readonly enabled: boolean;
    readonly minAvailable?: number;
    readonly maxUnavailable?: number;
  };
  readonly resources: {
    readonly requests: { readonly cpu?: string; readonly memory?: string };
    readonly limits: { readonly cpu?: string; readonly memory?: string };
  };
  readonly podAnnotations: { [key: string]: string };
  readonly env: { [key: string]: string };
  /** Names of the `envVarFrom` variables. */
  readonly envVarFromNames: string[];
  readonly terminationGracePeriodSeconds: number;
  /** Options given for a feature turned off (`enabled: false`), which would have no effect. */
  readonly ignoredOptions: string[];
}

/**
 * The fewest pods the workload runs: `minReplicas` with autoscaling, else `replicas`.
 *
 * @internal
 */
export function smallestReplicaCount(model: WorkloadModel): number {
  return model.autoscaling.enabled ? model.autoscaling.minReplicas : model.replicas;
}

/**
 * Whether the PodDisruptionBudget is rendered: the chart's condition (a budget is configured and the
 * workload runs more than one pod at its smallest), a workaround for
 * https://github.com/kubernetes/kubernetes/issues/93476.
 *
 * @internal
 */
export function rendersDisruptionBudget(model: WorkloadModel): boolean {
  return model.disruptionBudget.enabled && smallestReplicaCount(model) > 1;
}
