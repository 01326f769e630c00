/**
 * Amounts of CPU and memory, as Kubernetes quantities.
 */
export interface ResourceQuantities {
  /**
   * CPU, e.g. `100m` or `2`. An empty string leaves it out (Helm's `null`).
   * @default - the chart's value
   */
  readonly cpu?: string;

  /**
   * Memory, e.g. `128Mi` or `1Gi`. An empty string leaves it out (Helm's `null`).
   * @default - the chart's value
   */
  readonly memory?: string;
}

/**
 * CPU and memory of the `istio-proxy` container. Each value not given keeps the chart's default,
 * as Helm merges values: requests `cpu: 100m`, `memory: 128Mi`; limits `cpu: 2000m`,
 * `memory: 1024Mi`.
 */
export interface GatewayResources {
  /**
   * What the scheduler reserves for each pod.
   * @default { cpu: '100m', memory: '128Mi' }
   */
  readonly requests?: ResourceQuantities;

  /**
   * The most each pod may use.
   * @default { cpu: '2000m', memory: '1024Mi' }
   */
  readonly limits?: ResourceQuantities;
}
