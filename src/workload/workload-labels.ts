import { DATAPLANE_MODE_LABEL, INJECT_LABEL, NETWORK_LABEL, REVISION_LABEL } from './chart-defaults';
import { WorkloadModel } from './model';

/**
 * The labels the Deployment, the Service and the PodDisruptionBudget select pods by.
 *
 * @internal
 */
export function selectorLabelsOf(model: WorkloadModel): { [key: string]: string } {
  return { app: model.appLabel, istio: model.istioLabel };
}

/**
 * The labels of every object (the chart's `gateway.labels`, without Helm's own).
 *
 * @internal
 */
export function objectLabelsOf(model: WorkloadModel): { [key: string]: string } {
  return {
    ...model.labels,
    'app.kubernetes.io/name': model.name,
    'app.kubernetes.io/instance': model.name,
    'app.kubernetes.io/part-of': 'istio',
    ...selectorLabelsOf(model),
    // The gateway runs its own proxy; ambient's ztunnel must not capture it.
    [DATAPLANE_MODE_LABEL]: 'none',
  };
}

/**
 * The labels of the Service: those of every object, and the network of a network gateway.
 *
 * @internal
 */
export function serviceLabelsOf(model: WorkloadModel): { [key: string]: string } {
  return { ...objectLabelsOf(model), ...networkLabel(model) };
}

/**
 * The labels of the pods: injection (and revision), those of every object, and the network.
 *
 * @internal
 */
export function podLabelsOf(model: WorkloadModel): { [key: string]: string } {
  return {
    ...objectLabelsOf(model),
    [INJECT_LABEL]: 'true',
    ...(model.revision !== undefined ? { [REVISION_LABEL]: model.revision } : {}),
    ...networkLabel(model),
  };
}

function networkLabel(model: WorkloadModel): { [key: string]: string } {
  return model.network !== undefined ? { [NETWORK_LABEL]: model.network } : {};
}
