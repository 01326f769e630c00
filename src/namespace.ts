import { Chart } from 'cdk8s';
import { IConstruct } from 'constructs';

/**
 * The namespace an object of `scope` goes into: the explicit one, else its chart's, else `default`.
 * Objects always carry it, so `<namespace>/<name>` references never depend on where YAML is applied.
 *
 * @internal
 */
export function resolveNamespace(scope: IConstruct, explicit?: string): string {
  return explicit ?? Chart.of(scope).namespace ?? 'default';
}

/**
 * The fully qualified host of a Service.
 *
 * @internal
 */
export function serviceHost(name: string, namespace: string): string {
  return `${name}.${namespace}.svc.cluster.local`;
}
