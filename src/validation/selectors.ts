import type { AppRegistry } from '../model/registry';

/** Whether `selector` selects pods labelled `labels`, as Kubernetes decides: each of its labels is on the pod. */
export function selects(selector: { readonly [key: string]: string }, labels: { readonly [key: string]: string }): boolean {
  return Object.entries(selector).every(([k, v]) => labels[k] === v);
}

/**
 * Whether two selectors pick the same pods, although they may be written differently: both select
 * the pods of a workload this app deploys (`cluster` and `namespace`, when given, narrow the
 * workloads), or, for pods this app does not know, one selector is a subset of the other (every pod
 * the longer one selects, the shorter one selects too). Two selectors that only share some labels
 * are not taken to meet: whether a pod carries both is unknown here.
 *
 * @returns the workload both select (`<namespace>/<name>`), '' when they meet by subset, or undefined
 */
export function samePods(
  a: { readonly [key: string]: string },
  b: { readonly [key: string]: string },
  registry: AppRegistry,
  where: { readonly cluster?: string; readonly namespace?: string } = {},
): string | undefined {
  if (selects(a, b) || selects(b, a)) return '';
  for (const workload of registry.deployedWorkloads()) {
    if (registry.clusterOf(workload.scope) !== where.cluster) continue;
    if (where.namespace !== undefined && workload.namespace !== where.namespace) continue;
    if (selects(a, workload.podLabels) && selects(b, workload.podLabels)) return workload.ref;
  }
  return undefined;
}
