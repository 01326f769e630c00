import {
  DATAPLANE_MODE_LABEL,
  INJECT_LABEL,
  NETWORK_LABEL,
  NETWORK_VIEW_ENV,
  POD_ANNOTATIONS,
  PROXY_RESERVED_PORTS,
  REVISION_LABEL,
  STATUS_PORT,
  STATUS_PORT_NAME,
} from './chart-defaults';
import { smallestReplicaCount, WorkloadModel } from './model';
import { parseQuantity } from './quantity';
import { PortProtocol } from './service-port';
import { ServiceType } from './workload-props';
import { isDnsLabel, isDnsSubdomain, isPort, q } from '../validation/names';

/** A DNS-1035 label: what Kubernetes requires of Service names. */
const DNS_1035_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;
/** A label value (empty allowed). */
const LABEL_VALUE = /^(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?$/;
/** The name part of a label key. */
const LABEL_NAME = /^([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]$/;

/** Label keys `labels` may not set, and why. */
const RESERVED_LABELS: { [key: string]: string } = {
  app: 'set it with appLabel',
  istio: 'set it with istioLabel',
  [REVISION_LABEL]: 'set it with revision',
  [NETWORK_LABEL]: 'set it with network',
  [DATAPLANE_MODE_LABEL]: "it is always 'none': ambient must not capture a gateway's traffic",
  [INJECT_LABEL]: "it is always 'true': the gateway's proxy is injected",
};

/**
 * Pod annotations the workload sets and `podAnnotations` may not change, and why: the gateway's
 * proxy is injected from Istio's `gateway` template (another template, e.g. `sidecar`, adds an init
 * container that needs NET_ADMIN and runs a sidecar, not a gateway).
 */
const RESERVED_POD_ANNOTATIONS: { [key: string]: string } = {
  'inject.istio.io/templates': 'the gateway\'s proxy is injected from Istio\'s "gateway" template first; more templates may follow it, as in "gateway,custom"',
  [INJECT_LABEL]: 'the gateway\'s proxy is always injected',
};

/** Label keys `serviceSelectorLabels` may not set, and why. */
const RESERVED_SELECTOR_LABELS: { [key: string]: string } = {
  app: 'the Service always selects appLabel',
  istio: 'the Service always selects istioLabel',
};

/**
 * The rules for a gateway workload: names, labels, ports, replicas, autoscaling, the disruption
 * budget, resources and env. Returns one message per problem, each naming the value and the fix.
 *
 * @internal
 */
export function workloadProblems(model: WorkloadModel): string[] {
  return [
    ...nameProblems(model),
    ...labelProblems(model),
    ...portProblems(model),
    ...scalingProblems(model),
    ...resourceProblems(model),
    ...envProblems(model),
  ];
}

function nameProblems(model: WorkloadModel): string[] {
  const problems: string[] = [];
  if (!(model.name.length <= 63 && DNS_1035_LABEL.test(model.name))) {
    problems.push(
      `name ${q(model.name)} cannot name a Service; use at most 63 lower-case letters, digits and '-', starting with a letter.`,
    );
  }
  if (!isDnsLabel(model.namespace)) {
    problems.push(`namespace ${q(model.namespace)} is not a DNS-1123 label; use lower-case letters, digits and '-' (at most 63).`);
  }
  return problems;
}

function labelProblems(model: WorkloadModel): string[] {
  const problems: string[] = [];
  const values: Array<[string, string | undefined]> = [
    ['appLabel', model.appLabel],
    ['istioLabel', model.istioLabel],
    ['revision', model.revision],
    ['network', model.network],
  ];
  // A name that cannot name the Service is reported once: the labels derived from it are not.
  const nameFails = !(model.name.length <= 63 && DNS_1035_LABEL.test(model.name));
  const derived: { [prop: string]: string } = { appLabel: model.name, istioLabel: model.name.replace(/^istio-/, '') };
  for (const [prop, value] of values) {
    if (value === undefined || (nameFails && derived[prop] === value)) continue;
    if (value === '') {
      problems.push(`${prop} is empty; give a label value, or leave ${prop} out for the default.`);
    } else if (!isLabelValue(value)) {
      problems.push(`${prop} ${q(value)} is not a label value; ${LABEL_VALUE_RULE}`);
    }
  }
  problems.push(...annotationProblems('podAnnotations', model.podAnnotations));
  for (const [key, why] of Object.entries(RESERVED_POD_ANNOTATIONS)) {
    const value = model.podAnnotations[key];
    // More templates after Istio's own (`gateway,custom`) customize the gateway; they are allowed.
    const templates = value.split(',').map((t) => t.trim());
    const kept = key === 'inject.istio.io/templates' ? templates[0] === POD_ANNOTATIONS[key] && !templates.includes('sidecar') : value === POD_ANNOTATIONS[key];
    if (!kept) {
      problems.push(`podAnnotations sets ${q(key)} to ${q(model.podAnnotations[key])}, which the workload sets itself (${why}); remove it from podAnnotations.`);
    }
  }
  problems.push(...annotationProblems('serviceAnnotations', model.serviceAnnotations));
  problems.push(...labelMapProblems('labels', model.labels, RESERVED_LABELS));
  problems.push(
    ...labelMapProblems('serviceSelectorLabels', model.serviceSelectorLabels, RESERVED_SELECTOR_LABELS),
  );
  return problems;
}

const LABEL_VALUE_RULE = "use at most 63 letters, digits, '-', '_' and '.', starting and ending with a letter or digit.";

function labelMapProblems(prop: string, labels: { [key: string]: string }, reserved: { [key: string]: string }): string[] {
  const problems: string[] = [];
  for (const [key, value] of Object.entries(labels)) {
    if (key in reserved) {
      problems.push(`${prop} sets ${q(key)}, which the workload sets itself; remove it from ${prop} (${reserved[key]}).`);
    } else if (!isLabelKey(key)) {
      problems.push(`${prop}: ${q(key)} is not a label key; use an optional DNS subdomain prefix and '/', then a name: ${LABEL_VALUE_RULE}`);
    }
    if (!isLabelValue(value)) {
      problems.push(`${prop}: the value ${q(value)} of ${q(key)} is not a label value; ${LABEL_VALUE_RULE}`);
    }
  }
  return problems;
}

/**
 * The apiserver takes an annotation key as a label key in any case (ValidateAnnotations: a qualified
 * name once lower-cased); the value is free text.
 */
function annotationProblems(prop: string, annotations: { [key: string]: string }): string[] {
  return Object.keys(annotations)
    .filter((key) => !isLabelKey(key.toLowerCase()))
    .map((key) => `${prop}: ${q(key)} is not an annotation key, which the apiserver refuses; use an optional DNS subdomain prefix and '/', then a name: ${LABEL_VALUE_RULE}`);
}

function portProblems(model: WorkloadModel): string[] {
  const problems: string[] = [];
  const names = new Set<string>([STATUS_PORT_NAME]);
  const numbers = new Map<string, string>([[`${STATUS_PORT}/${PortProtocol.TCP}`, STATUS_PORT_NAME]]);
  const nodePorts = new Map<string, string>();
  model.ports.forEach((port, index) => {
    const where = `port ${q(port.name)} (#${index})`;
    const protocol = port.protocol ?? PortProtocol.TCP;
    if (!isDnsLabel(port.name)) {
      problems.push(`${where}: the name is not a DNS-1123 label; use lower-case letters, digits and '-' (at most 63), e.g. 'http2' or 'https'.`);
    }
    if (port.name === STATUS_PORT_NAME) {
      problems.push(`${where}: ${q(STATUS_PORT_NAME)} is the health check port the workload always adds; remove it from ports, or rename it.`);
    } else if (names.has(port.name)) {
      problems.push(`${where}: another port is also named ${q(port.name)}; give each Service port its own name.`);
    }
    names.add(port.name);

    if (!isPort(port.port)) {
      problems.push(`${where}: port ${port.port} is out of range; use a whole number from 1 to 65535.`);
    } else if (port.port === STATUS_PORT) {
      problems.push(
        `${where}: port ${STATUS_PORT} clashes with ${q(STATUS_PORT_NAME)}, which the workload always exposes for health checks; use another port.`,
      );
    } else {
      const key = `${port.port}/${protocol}`;
      if (numbers.has(key)) {
        problems.push(`${where}: port ${port.port}/${protocol} is also exposed as ${q(numbers.get(key))}; give each Service port its own number.`);
      }
      numbers.set(key, port.name);
    }

    const targetPort = port.targetPort ?? port.port;
    if (port.targetPort !== undefined && !isPort(port.targetPort)) {
      problems.push(`${where}: targetPort ${port.targetPort} is out of range; use a whole number from 1 to 65535, or leave it out to use the port.`);
    } else if (PROXY_RESERVED_PORTS[targetPort] !== undefined && port.port !== STATUS_PORT) {
      problems.push(
        `${where}: targetPort ${targetPort} is the proxy's own port for ${PROXY_RESERVED_PORTS[targetPort]}, so a listener cannot use it; ` +
          'listen on another port (e.g. 8080, 8443 or the Service port).',
      );
    }

    if (port.nodePort !== undefined) {
      if (model.serviceType === ServiceType.CLUSTER_IP) {
        problems.push(`${where}: nodePort ${port.nodePort} needs serviceType NODE_PORT or LOAD_BALANCER; remove it, or change serviceType.`);
      } else if (!isPort(port.nodePort)) {
        problems.push(`${where}: nodePort ${port.nodePort} is out of range; use a whole number in the cluster's node port range (by default 30000 to 32767).`);
      } else {
        const key = `${port.nodePort}/${protocol}`;
        if (nodePorts.has(key)) {
          problems.push(`${where}: nodePort ${port.nodePort} is also used by ${q(nodePorts.get(key))}; give each port its own node port.`);
        }
        nodePorts.set(key, port.name);
      }
    }
  });
  return problems;
}

function scalingProblems(model: WorkloadModel): string[] {
  const problems: string[] = [];
  for (const feature of ['autoscaling', 'podDisruptionBudget']) {
    const options = model.ignoredOptions.filter((option) => option.startsWith(`${feature}.`));
    if (options.length === 0) continue;
    const many = options.length > 1;
    problems.push(
      `${options.join(' and ')} ${many ? 'are' : 'is'} set, but ${feature} is off (enabled: false), so ${many ? 'they' : 'it'} would have no effect; ` +
        `remove ${many ? 'them' : 'it'}, or turn ${feature} on${feature === 'autoscaling' ? ' (with autoscaling off, replicas sets the pod count)' : ''}.`,
    );
  }
  const { autoscaling, disruptionBudget } = model;
  if (model.replicasGiven !== undefined) {
    if (!isCount(model.replicasGiven, 1)) {
      problems.push(`replicas ${model.replicasGiven} is not a whole number of at least 1; run at least one gateway pod.`);
    } else if (autoscaling.enabled) {
      problems.push(
        `replicas ${model.replicasGiven} has no effect while autoscaling is on (the autoscaler sets the pod count); ` +
          'set autoscaling.minReplicas instead, or turn autoscaling off with autoscaling: { enabled: false }.',
      );
    }
  }
  if (autoscaling.enabled) {
    if (!isCount(autoscaling.minReplicas, 1)) {
      problems.push(`autoscaling.minReplicas ${autoscaling.minReplicas} is not a whole number of at least 1; keep at least one gateway pod.`);
    }
    if (!isCount(autoscaling.maxReplicas, 1)) {
      problems.push(`autoscaling.maxReplicas ${autoscaling.maxReplicas} is not a whole number of at least 1.`);
    } else if (autoscaling.minReplicas > autoscaling.maxReplicas) {
      problems.push(
        `autoscaling.minReplicas ${autoscaling.minReplicas} is above autoscaling.maxReplicas ${autoscaling.maxReplicas}; ` +
          'lower minReplicas or raise maxReplicas.',
      );
    }
    for (const [prop, value] of [
      ['targetCpuUtilizationPercentage', autoscaling.targetCpuUtilizationPercentage],
      ['targetMemoryUtilizationPercentage', autoscaling.targetMemoryUtilizationPercentage],
    ] as const) {
      if (value !== undefined && !isCount(value, 1)) {
        problems.push(`autoscaling.${prop} ${value} is not a whole percentage of at least 1, e.g. 80.`);
      }
    }
    if (autoscaling.targetCpuUtilizationPercentage === undefined && autoscaling.targetMemoryUtilizationPercentage === undefined) {
      problems.push('autoscaling has no metric to scale on; give autoscaling.targetCpuUtilizationPercentage (e.g. 80), or turn autoscaling off.');
    }
  }

  if (disruptionBudget.enabled) {
    const { minAvailable, maxUnavailable } = disruptionBudget;
    const smallest = smallestReplicaCount(model);
    const pods = autoscaling.enabled ? `autoscaling.minReplicas ${smallest}` : `replicas ${smallest}`;
    if (minAvailable !== undefined && maxUnavailable !== undefined) {
      problems.push(
        `podDisruptionBudget sets both minAvailable ${minAvailable} and maxUnavailable ${maxUnavailable}; Kubernetes allows one, so keep one of them.`,
      );
    } else if (minAvailable !== undefined) {
      if (!isCount(minAvailable, 0)) {
        problems.push(`podDisruptionBudget.minAvailable ${minAvailable} is not a whole number of at least 0.`);
      } else if (smallest > 1 && minAvailable >= smallest) {
        problems.push(
          `podDisruptionBudget.minAvailable ${minAvailable} is not below ${pods}, so no pod could ever be evicted and node drains would hang; ` +
            `use a minAvailable below ${smallest}, or run more pods.`,
        );
      }
    } else if (maxUnavailable !== undefined && !isCount(maxUnavailable, 1)) {
      problems.push(
        `podDisruptionBudget.maxUnavailable ${maxUnavailable} is not a whole number of at least 1; with 0 no pod could ever be evicted and node drains would hang.`,
      );
    }
  }
  return problems;
}

function resourceProblems(model: WorkloadModel): string[] {
  const problems: string[] = [];
  for (const resource of ['cpu', 'memory'] as const) {
    const parsed: { [kind: string]: number | undefined } = {};
    for (const kind of ['requests', 'limits'] as const) {
      const text = model.resources[kind][resource];
      if (text === undefined || text === '') continue;
      const value = parseQuantity(text);
      if (value === undefined || value < 0) {
        const example = resource === 'cpu' ? "'500m' or '2'" : "'256Mi' or '1Gi'";
        problems.push(`resources.${kind}.${resource} ${q(text)} is not a Kubernetes quantity; use one like ${example}.`);
      } else {
        // Only quantities are compared: one that is not is reported above, once.
        parsed[kind] = value;
      }
    }
    const { requests, limits } = parsed;
    if (requests !== undefined && limits !== undefined && requests > limits) {
      problems.push(
        `resources.requests.${resource} ${q(model.resources.requests[resource])} is above resources.limits.${resource} ` +
          `${q(model.resources.limits[resource])}; lower the request or raise the limit.`,
      );
    }
  }
  return problems;
}

function envProblems(model: WorkloadModel): string[] {
  const problems: string[] = [];
  if (!isCount(model.terminationGracePeriodSeconds, 0)) {
    problems.push(`terminationGracePeriodSeconds ${model.terminationGracePeriodSeconds} is not a whole number of at least 0.`);
  }
  const names = new Set<string>();
  if (model.network !== undefined) names.add(NETWORK_VIEW_ENV);
  for (const name of [...Object.keys(model.env), ...model.envVarFromNames]) {
    if (name === NETWORK_VIEW_ENV && model.network !== undefined) {
      problems.push(`env variable ${NETWORK_VIEW_ENV} is set by network; remove it from env and envVarFrom.`);
    } else if (names.has(name)) {
      problems.push(`env variable ${q(name)} is set more than once in env and envVarFrom; keep one.`);
    } else if (name === '' || name.includes('=')) {
      problems.push(`env variable name ${q(name)} is empty or has '='; use a name such as MY_VARIABLE.`);
    }
    names.add(name);
  }
  return problems;
}

function isCount(value: number, min: number): boolean {
  return Number.isInteger(value) && value >= min;
}

function isLabelValue(value: string): boolean {
  return value.length <= 63 && LABEL_VALUE.test(value);
}

function isLabelKey(key: string): boolean {
  const slash = key.lastIndexOf('/');
  const prefix = slash >= 0 ? key.slice(0, slash) : undefined;
  const name = slash >= 0 ? key.slice(slash + 1) : key;
  if (prefix !== undefined && !(prefix.length > 0 && isDnsSubdomain(prefix))) return false;
  return name.length <= 63 && LABEL_NAME.test(name);
}
