import { Chart } from 'cdk8s';
import type { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';
import { kube } from '../kube';
import {
  AUTOSCALING,
  DEFAULT_NAME,
  DEFAULT_PORTS,
  FALLBACK_NAMESPACE,
  NETWORK_GATEWAY_PORTS,
  POD_ANNOTATIONS,
  REPLICAS,
  RESOURCES,
  STATUS_PORT,
  STATUS_READINESS_PROBE,
  TERMINATION_GRACE_PERIOD_SECONDS,
} from './chart-defaults';
import { rendersDisruptionBudget, WorkloadModel } from './model';
import { GatewayServicePort } from './service-port';
import { podLabelsOf, selectorLabelsOf } from './workload-labels';
import {
  autoscaler,
  deployment,
  disruptionBudget,
  role,
  roleBinding,
  service,
  serviceAccount,
  servicePort,
  STATUS_SERVICE_PORT,
} from './workload-objects';
import { GatewayWorkloadProps, ServiceType } from './workload-props';
import { workloadProblems } from './workload-rules';
import { SERVICE_PORT_SHAPE, WORKLOAD_SHAPE } from './workload-shape';
import { AppRegistry } from '../model/registry';
import { checkStruct, inputFirst, InputProblems } from '../validation/input-shape';

/**
 * The pods that run an Istio gateway, as Istio's `gateway` Helm chart deploys them
 * (`helm install istio-ingressgateway istio/gateway`): a ServiceAccount, a Role and RoleBinding to
 * read TLS Secrets, a Deployment of the injected `istio-proxy`, a Service with a port per listener
 * and `status-port` 15021, a HorizontalPodAutoscaler, and a PodDisruptionBudget when more than
 * one pod runs.
 *
 * For equal values the objects are those the chart renders, less Helm's own labels; see the
 * workload README for every difference.
 */
export class GatewayWorkload extends Construct {
  /**
   * The readiness probe the injection webhook gives gateway pods: `GET /healthz/ready` on the status
   * port 15021, with Istio's default timing (every 15 s, 3 s timeout, unready after 4 failures).
   */
  public static statusPortReadinessProbe(): k8s.Probe {
    const { path, ...timing } = STATUS_READINESS_PROBE;
    return { httpGet: { path, port: kube().IntOrString.fromNumber(STATUS_PORT) }, ...timing };
  }

  /** Name of every object. */
  public readonly workloadName: string;
  /** Namespace of every object. */
  public readonly workloadNamespace: string;
  /**
   * The labels that pick this workload's pods (`app` and `istio`): what the Deployment and Service
   * select, and what an Istio `Gateway`'s `selector` must match.
   */
  public readonly selectorLabels: { [key: string]: string };
  /** The ServiceAccount of the pods. */
  public readonly serviceAccount: k8s.KubeServiceAccount;
  /** The Role that reads Secrets (TLS credentials) in the namespace. */
  public readonly role: k8s.KubeRole;
  /** The RoleBinding of the Role to the ServiceAccount. */
  public readonly roleBinding: k8s.KubeRoleBinding;
  /** The Deployment of the gateway pods. */
  public readonly deployment: k8s.KubeDeployment;
  /** The Service in front of the pods. */
  public readonly service: k8s.KubeService;
  /** The HorizontalPodAutoscaler, when autoscaling is on. */
  public readonly hpa?: k8s.KubeHorizontalPodAutoscalerV2;
  /** The PodDisruptionBudget, when the workload runs more than one pod. */
  public readonly pdb?: k8s.KubePodDisruptionBudget;

  private readonly model: WorkloadModel;
  /**
   * Problems of the input's shape (wrong types from untyped callers), reported at synth.
   * @internal
   */
  public readonly _input: InputProblems = [];
  /** The Service's ports array; the Service renders whatever it holds at synthesis. */
  private readonly renderedPorts: k8s.ServicePort[];

  public constructor(scope: Construct, id: string, givenProps: GatewayWorkloadProps = {}) {
    super(scope, id);
    const input = this._input;
    const props = checkStruct(WORKLOAD_SHAPE, givenProps, input, '{ replicas: 2 }', '', true);
    this.model = resolve(this, props);
    this.workloadName = this.model.name;
    this.workloadNamespace = this.model.namespace;
    this.selectorLabels = selectorLabelsOf(this.model);

    this.serviceAccount = serviceAccount(this, this.model);
    this.role = role(this, this.model);
    this.roleBinding = roleBinding(this, this.model);
    this.deployment = deployment(this, this.model, {
      imagePullPolicy: props.imagePullPolicy,
      readinessProbe: props.readinessProbe,
      envVarFrom: [...(props.envVarFrom ?? [])],
    });
    this.renderedPorts = [STATUS_SERVICE_PORT, ...this.model.ports].map(servicePort);
    this.service = service(this, this.model, this.renderedPorts);
    if (this.model.autoscaling.enabled) {
      this.hpa = autoscaler(this, this.model);
    }
    if (rendersDisruptionBudget(this.model)) {
      this.pdb = disruptionBudget(this, this.model);
    }

    this.node.defaultChild = this.deployment;
    const registry = AppRegistry.of(this);
    registry.registerOwner(this);
    registry.registerWorkload(this, {
      scope: this,
      ref: `${this.model.namespace}/${this.model.name}`,
      namespace: this.model.namespace,
      podLabels: podLabelsOf(this.model),
      serviceType: this.model.serviceType,
    });
    this.node.addValidation({ validate: inputFirst(input, () => workloadProblems(this.model)) });
  }

  /** The Service ports: `status-port` 15021 first, then one per listener. */
  public get servicePorts(): GatewayServicePort[] {
    return [STATUS_SERVICE_PORT, ...this.model.ports];
  }

  /**
   * Exposes one more port on the Service, e.g. for a listener added after the workload.
   *
   * @param port name, port, protocol and optional targetPort and nodePort
   */
  public addPort(port: GatewayServicePort): void {
    AppRegistry.recordChange(this);
    port = checkStruct(SERVICE_PORT_SHAPE, port, this._input, '{ name: "http2", port: 80 }', `ports[${this.model.ports.length}]`);
    this.model.ports.push(port);
    this.renderedPorts.push(servicePort(port));
  }
}

/** The props with every default applied. */
function resolve(scope: Construct, props: GatewayWorkloadProps): WorkloadModel {
  const name = props.name ?? DEFAULT_NAME;
  const autoscaling = props.autoscaling ?? {};
  const budget = props.podDisruptionBudget ?? {};
  const percent = (value: number | undefined, fallback?: number) => {
    const given = value ?? fallback;
    return given === 0 ? undefined : given; // 0 leaves the metric out, as in the chart
  };
  return {
    name,
    namespace: props.namespace ?? Chart.of(scope).namespace ?? FALLBACK_NAMESPACE,
    appLabel: props.appLabel ?? name,
    istioLabel: props.istioLabel ?? name.replace(/^istio-/, ''),
    labels: { ...props.labels },
    revision: props.revision,
    network: props.network,
    serviceType: props.serviceType ?? ServiceType.LOAD_BALANCER,
    ports: [...(props.ports ?? (props.network !== undefined ? NETWORK_GATEWAY_PORTS : DEFAULT_PORTS))],
    serviceAnnotations: { ...props.serviceAnnotations },
    serviceSelectorLabels: { ...props.serviceSelectorLabels },
    replicasGiven: props.replicas,
    replicas: props.replicas ?? REPLICAS,
    autoscaling: {
      enabled: autoscaling.enabled ?? AUTOSCALING.enabled,
      minReplicas: autoscaling.minReplicas ?? AUTOSCALING.minReplicas,
      maxReplicas: autoscaling.maxReplicas ?? AUTOSCALING.maxReplicas,
      targetCpuUtilizationPercentage: percent(autoscaling.targetCpuUtilizationPercentage, AUTOSCALING.targetCpuUtilizationPercentage),
      targetMemoryUtilizationPercentage: percent(autoscaling.targetMemoryUtilizationPercentage),
    },
    disruptionBudget: {
      enabled: budget.enabled ?? true,
      minAvailable: budget.minAvailable ?? (budget.maxUnavailable === undefined ? 1 : undefined),
      maxUnavailable: budget.maxUnavailable,
    },
    resources: {
      requests: { ...RESOURCES.requests, ...defined(props.resources?.requests) },
      limits: { ...RESOURCES.limits, ...defined(props.resources?.limits) },
    },
    podAnnotations: { ...POD_ANNOTATIONS, ...props.podAnnotations },
    env: { ...props.env },
    envVarFromNames: (props.envVarFrom ?? []).map((variable) => variable.name),
    terminationGracePeriodSeconds: props.terminationGracePeriodSeconds ?? TERMINATION_GRACE_PERIOD_SECONDS,
    ignoredOptions: [
      ...givenWhenOff('autoscaling', autoscaling, ['minReplicas', 'maxReplicas', 'targetCpuUtilizationPercentage', 'targetMemoryUtilizationPercentage']),
      ...givenWhenOff('podDisruptionBudget', budget, ['minAvailable', 'maxUnavailable']),
    ],
  };
}

/** The options of `feature` given while it is turned off (`enabled: false`), as `feature.option`. */
function givenWhenOff(feature: string, settings: { readonly enabled?: boolean }, options: string[]): string[] {
  if (settings.enabled !== false) return [];
  return options.filter((option) => (settings as { [key: string]: unknown })[option] !== undefined).map((option) => `${feature}.${option}`);
}

/** The entries of `values` that are not undefined, so spreading them keeps the defaults of the others. */
function defined<T extends object>(values: T | undefined): Partial<T> {
  return Object.fromEntries(Object.entries(values ?? {}).filter(([, value]) => value !== undefined)) as Partial<T>;
}
