/**
 * Horizontal pod autoscaling of the gateway workload (the chart's `autoscaling` values).
 */
export interface GatewayAutoscaling {
  /**
   * Scale the Deployment with a HorizontalPodAutoscaler. When off, the Deployment runs
   * `replicas` pods.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * The fewest pods the autoscaler keeps.
   * @default 1
   */
  readonly minReplicas?: number;

  /**
   * The most pods the autoscaler runs.
   * @default 5
   */
  readonly maxReplicas?: number;

  /**
   * Average CPU use, in percent of the CPU request, the autoscaler aims at. 0 leaves CPU out of the
   * metrics (as in the chart); then give `targetMemoryUtilizationPercentage`.
   * @default 80
   */
  readonly targetCpuUtilizationPercentage?: number;

  /**
   * Average memory use, in percent of the memory request, the autoscaler aims at.
   * @default - memory is not a scaling metric
   */
  readonly targetMemoryUtilizationPercentage?: number;
}

/**
 * The PodDisruptionBudget of the gateway workload (the chart's `podDisruptionBudget` values).
 *
 * The budget is created only when the workload runs more than one pod at its smallest (more than
 * one `replicas` without autoscaling, or `minReplicas` above one with it): with a single pod a
 * budget would block every node drain.
 */
export interface GatewayDisruptionBudget {
  /**
   * Create the PodDisruptionBudget when the workload runs more than one pod.
   * @default true
   */
  readonly enabled?: boolean;

  /**
   * Pods that must stay available during voluntary disruptions (node drains, upgrades).
   * Give either this or `maxUnavailable`.
   * @default 1, unless `maxUnavailable` is given
   */
  readonly minAvailable?: number;

  /**
   * Pods that may be unavailable at once during voluntary disruptions.
   * Give either this or `minAvailable`.
   * @default - not set; `minAvailable` applies
   */
  readonly maxUnavailable?: number;
}
