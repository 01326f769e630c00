import type { k8s } from 'cdk8s-plus-33';

let loaded: typeof k8s | undefined;

/**
 * cdk8s-plus-33's Kubernetes L1 classes, loaded on first use. Its module takes as long to load as
 * cdk8s itself and holds about 17 MiB; only an app that deploys a gateway workload, httpbin or an
 * egress lock-down uses it (the types are imported as types only).
 *
 * @internal
 */
export function kube(): typeof k8s {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (loaded ??= (require('cdk8s-plus-33') as typeof import('cdk8s-plus-33')).k8s);
}
