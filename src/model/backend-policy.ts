import { ConnectionPoolSettings, LoadBalancerAlgorithm, OutlierDetection } from '../traffic-policy';

/**
 * A named subset of a Service's endpoints.
 */
export interface SubsetModel {
  readonly name: string;
  readonly labels: { [key: string]: string };
}

/**
 * Traffic policy and subsets for one Service host: one DestinationRule.
 */
export interface BackendPolicyModel {
  readonly constructPath: string;
  readonly name: string;
  readonly namespace: string;
  /** Fully qualified Service host. */
  readonly host: string;
  readonly subsets: SubsetModel[];
  /** TLS mode toward the Service's endpoints (`ISTIO_MUTUAL` for in-mesh services). */
  readonly tlsMode?: string;
  readonly loadBalancer?: LoadBalancerAlgorithm;
  readonly connectionPool?: ConnectionPoolSettings;
  readonly outlierDetection?: OutlierDetection;
}
