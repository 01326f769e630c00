import { App, Chart, Testing } from 'cdk8s';
import { k8s } from 'cdk8s-plus-33';
import {
  GatewayWorkload,
  GatewayWorkloadProps,
  ImagePullPolicy,
  PortProtocol,
  ServiceType,
} from '../src';

/*
 * The expected objects below are what Istio's `gateway` Helm chart (1.30.3) renders for the same
 * values, written out by hand from its golden test output and templates. The workload leaves out
 * Helm's own labels on purpose (see src/workload/README.md); `withoutHelm` says so where it applies.
 */

/** Labels the chart puts on every object of release `istio-ingress`. */
const CHART_LABELS = {
  'app.kubernetes.io/name': 'istio-ingress',
  'app.kubernetes.io/managed-by': 'Helm',
  'app.kubernetes.io/instance': 'istio-ingress',
  'app.kubernetes.io/part-of': 'istio',
  'app.kubernetes.io/version': '1.0.0',
  'helm.sh/chart': 'gateway-1.0.0',
  'app': 'istio-ingress',
  'istio': 'ingress',
  'istio.io/dataplane-mode': 'none',
};

/** The same labels for release `istio-eastwest`. */
const EASTWEST_CHART_LABELS = {
  'app.kubernetes.io/name': 'istio-eastwest',
  'app.kubernetes.io/managed-by': 'Helm',
  'app.kubernetes.io/instance': 'istio-eastwest',
  'app.kubernetes.io/part-of': 'istio',
  'app.kubernetes.io/version': '1.0.0',
  'helm.sh/chart': 'gateway-1.0.0',
  'app': 'istio-eastwest',
  'istio': 'eastwest',
  'istio.io/dataplane-mode': 'none',
};

/** The chart's labels less those that only Helm sets (chart name and version, `managed-by: Helm`). */
function withoutHelm(labels: { [key: string]: string }): { [key: string]: string } {
  const { ['app.kubernetes.io/managed-by']: _managedBy, ['app.kubernetes.io/version']: _version, ['helm.sh/chart']: _chart, ...rest } = labels;
  return rest;
}

const POD_ANNOTATIONS = {
  'inject.istio.io/templates': 'gateway',
  'prometheus.io/path': '/stats/prometheus',
  'prometheus.io/port': '15020',
  'prometheus.io/scrape': 'true',
  'sidecar.istio.io/inject': 'true',
};

/** The chart's, and the seccomp profile the Pod Security Standard "restricted" requires (the chart sets none). */
const POD_SECURITY_CONTEXT = {
  sysctls: [{ name: 'net.ipv4.ip_unprivileged_port_start', value: '0' }],
  seccompProfile: { type: 'RuntimeDefault' },
};

const CONTAINER_SECURITY_CONTEXT = {
  capabilities: { drop: ['ALL'] },
  allowPrivilegeEscalation: false,
  privileged: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
};

const RESOURCES = {
  limits: { cpu: '2000m', memory: '1024Mi' },
  requests: { cpu: '100m', memory: '128Mi' },
};

const CONTAINER_PORTS = [{ containerPort: 15090, protocol: 'TCP', name: 'http-envoy-prom' }];

/** The chart's `service.ports`. */
const SERVICE_PORTS = [
  { name: 'status-port', port: 15021, protocol: 'TCP', targetPort: 15021 },
  { name: 'http2', port: 80, protocol: 'TCP', targetPort: 80 },
  { name: 'https', port: 443, protocol: 'TCP', targetPort: 443 },
];

interface Synth {
  readonly workload: GatewayWorkload;
  readonly objects: any[];
}

/** The workload in a chart of `namespace`, synthesized. */
function synth(namespace: string | undefined, props: GatewayWorkloadProps = {}): Synth {
  const chart = new Chart(Testing.app(), 'test', { namespace });
  const workload = new GatewayWorkload(chart, 'Workload', props);
  return { workload, objects: Testing.synth(chart) };
}

function only(objects: any[], kind: string): any {
  const found = objects.filter((o) => o.kind === kind);
  expect(found.map((o) => `${o.kind}/${o.metadata.name}`)).toEqual([`${kind}/${found[0]?.metadata.name}`]);
  return found[0];
}

function kinds(objects: any[]): string[] {
  return objects.map((o) => o.kind).sort();
}

/** The validation messages of the workload (without construct paths). */
function problems(props: GatewayWorkloadProps, namespace = 'istio-ingress'): string[] {
  const chart = new Chart(Testing.app(), 'test', { namespace });
  return new GatewayWorkload(chart, 'Workload', props).node.validate();
}

describe('chart defaults (release istio-ingress in namespace istio-ingress)', () => {
  const { workload, objects } = synth('istio-ingress', { name: 'istio-ingress' });
  const selector = { app: 'istio-ingress', istio: 'ingress' };

  test('renders the chart objects: no PodDisruptionBudget with one pod (pdb-default)', () => {
    expect(kinds(objects)).toEqual(['Deployment', 'HorizontalPodAutoscaler', 'Role', 'RoleBinding', 'Service', 'ServiceAccount']);
    expect(workload.pdb).toBeUndefined();
    expect(workload.node.validate()).toEqual([]);
  });

  test('the Deployment is the chart\'s (gateway-deployment)', () => {
    expect(only(objects, 'Deployment')).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'istio-ingress', namespace: 'istio-ingress', labels: withoutHelm(CHART_LABELS) },
      spec: {
        // No replicas: the autoscaler owns the pod count.
        selector: { matchLabels: selector },
        template: {
          metadata: {
            annotations: POD_ANNOTATIONS,
            labels: withoutHelm({ 'sidecar.istio.io/inject': 'true', ...CHART_LABELS }),
          },
          spec: {
            serviceAccountName: 'istio-ingress',
            securityContext: POD_SECURITY_CONTEXT,
            containers: [
              {
                name: 'istio-proxy',
                image: 'auto',
                securityContext: CONTAINER_SECURITY_CONTEXT,
                // The chart renders `env:` empty; no readinessProbe (the injection template adds it).
                ports: CONTAINER_PORTS,
                resources: RESOURCES,
              },
            ],
            terminationGracePeriodSeconds: 30,
          },
        },
      },
    });
  });

  test('the Service is the chart\'s (gateway-service-default)', () => {
    expect(only(objects, 'Service')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'istio-ingress', namespace: 'istio-ingress', labels: withoutHelm(CHART_LABELS) },
      spec: { type: 'LoadBalancer', ports: SERVICE_PORTS, selector },
    });
  });

  test('the HorizontalPodAutoscaler is the chart\'s: 1 to 5 pods at 80% CPU', () => {
    expect(only(objects, 'HorizontalPodAutoscaler')).toEqual({
      apiVersion: 'autoscaling/v2',
      kind: 'HorizontalPodAutoscaler',
      metadata: { name: 'istio-ingress', namespace: 'istio-ingress', labels: withoutHelm(CHART_LABELS) },
      spec: {
        scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'istio-ingress' },
        minReplicas: 1,
        maxReplicas: 5,
        metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { averageUtilization: 80, type: 'Utilization' } } }],
      },
    });
  });

  test('the ServiceAccount, and a Role and RoleBinding that read Secrets, are the chart\'s', () => {
    const metadata = { name: 'istio-ingress', namespace: 'istio-ingress', labels: withoutHelm(CHART_LABELS) };
    expect(only(objects, 'ServiceAccount')).toEqual({ apiVersion: 'v1', kind: 'ServiceAccount', metadata });
    expect(only(objects, 'Role')).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'Role',
      metadata,
      rules: [{ apiGroups: [''], resources: ['secrets'], verbs: ['get', 'watch', 'list'] }],
    });
    expect(only(objects, 'RoleBinding')).toEqual({
      apiVersion: 'rbac.authorization.k8s.io/v1',
      kind: 'RoleBinding',
      metadata,
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'istio-ingress' },
      subjects: [{ kind: 'ServiceAccount', name: 'istio-ingress' }],
    });
  });

  test('exposes the objects, the selector labels and the ports', () => {
    expect(workload.selectorLabels).toEqual(selector);
    expect(workload.workloadName).toBe('istio-ingress');
    expect(workload.workloadNamespace).toBe('istio-ingress');
    expect(workload.deployment.kind).toBe('Deployment');
    expect(workload.service.kind).toBe('Service');
    expect(workload.serviceAccount.kind).toBe('ServiceAccount');
    expect(workload.role.kind).toBe('Role');
    expect(workload.roleBinding.kind).toBe('RoleBinding');
    expect(workload.hpa?.kind).toBe('HorizontalPodAutoscaler');
    expect(workload.node.defaultChild).toBe(workload.deployment);
    expect(workload.servicePorts).toEqual([
      { name: 'status-port', port: 15021 },
      { name: 'http2', port: 80 },
      { name: 'https', port: 443 },
    ]);
  });
});

describe('PodDisruptionBudget', () => {
  const pdb = (labels = CHART_LABELS) => ({
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: { name: 'istio-ingress', namespace: 'istio-ingress', labels: withoutHelm(labels) },
    spec: { selector: { matchLabels: { app: 'istio-ingress', istio: 'ingress' } }, minAvailable: 1 },
  });

  test('2 replicas without autoscaling: the chart\'s budget, replicas 2, no autoscaler (pdb-2replicas)', () => {
    const { workload, objects } = synth('istio-ingress', {
      name: 'istio-ingress',
      replicas: 2,
      autoscaling: { enabled: false },
      podDisruptionBudget: { minAvailable: 1 },
    });
    expect(only(objects, 'PodDisruptionBudget')).toEqual(pdb());
    expect(workload.pdb).toBeDefined();
    expect(only(objects, 'Deployment').spec.replicas).toBe(2);
    expect(objects.filter((o) => o.kind === 'HorizontalPodAutoscaler')).toEqual([]);
    expect(workload.hpa).toBeUndefined();
    expect(workload.node.validate()).toEqual([]);
  });

  test('autoscaling from 2 pods: the chart\'s budget and an autoscaler from 2 (pdb-autoscaleMin2)', () => {
    const { objects } = synth('istio-ingress', {
      name: 'istio-ingress',
      autoscaling: { minReplicas: 2 },
      podDisruptionBudget: { minAvailable: 1 },
    });
    expect(only(objects, 'PodDisruptionBudget')).toEqual(pdb());
    expect(only(objects, 'HorizontalPodAutoscaler').spec.minReplicas).toBe(2);
    expect(only(objects, 'Deployment').spec.replicas).toBeUndefined();
  });

  test('minAvailable 1 is the default when more than one pod runs', () => {
    const { objects } = synth('istio-ingress', { name: 'istio-ingress', autoscaling: { minReplicas: 3, maxReplicas: 6 } });
    expect(only(objects, 'PodDisruptionBudget').spec).toEqual(pdb().spec);
  });

  test('one pod without autoscaling: no budget, replicas 1', () => {
    const { workload, objects } = synth('istio-ingress', { name: 'istio-ingress', autoscaling: { enabled: false } });
    expect(workload.pdb).toBeUndefined();
    expect(kinds(objects)).toEqual(['Deployment', 'Role', 'RoleBinding', 'Service', 'ServiceAccount']);
    expect(only(objects, 'Deployment').spec.replicas).toBe(1);
  });

  test('maxUnavailable instead of minAvailable, or no budget at all', () => {
    const max = synth('istio-ingress', { replicas: 3, autoscaling: { enabled: false }, podDisruptionBudget: { maxUnavailable: 1 } });
    expect(only(max.objects, 'PodDisruptionBudget').spec).toEqual({
      selector: { matchLabels: { app: 'istio-ingressgateway', istio: 'ingressgateway' } },
      maxUnavailable: 1,
    });
    const off = synth('istio-ingress', { replicas: 3, autoscaling: { enabled: false }, podDisruptionBudget: { enabled: false } });
    expect(off.workload.pdb).toBeUndefined();
  });
});

describe('network gateway (release istio-eastwest in namespace istio-system, networkGateway network-1)', () => {
  const eastWestPorts = [
    { name: 'status-port', port: 15021, targetPort: 15021, protocol: 'TCP' },
    { name: 'tls', port: 15443, targetPort: 15443, protocol: 'TCP' },
    { name: 'tls-istiod', port: 15012, targetPort: 15012, protocol: 'TCP' },
    { name: 'tls-webhook', port: 15017, targetPort: 15017, protocol: 'TCP' },
  ];
  const props: GatewayWorkloadProps = {
    name: 'istio-eastwest',
    network: 'network-1',
    ports: [
      { name: 'tls', port: 15443 },
      { name: 'tls-istiod', port: 15012 },
      { name: 'tls-webhook', port: 15017 },
    ],
  };
  const { workload, objects } = synth('istio-system', props);

  test('the Service carries the network label and the network-gateway ports (gateway-network-gateway-default)', () => {
    expect(only(objects, 'Service')).toEqual({
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'istio-eastwest',
        namespace: 'istio-system',
        labels: withoutHelm({ ...EASTWEST_CHART_LABELS, 'topology.istio.io/network': 'network-1' }),
      },
      spec: { type: 'LoadBalancer', ports: eastWestPorts, selector: { app: 'istio-eastwest', istio: 'eastwest' } },
    });
    expect(workload.node.validate()).toEqual([]);
  });

  test('the ports default to the chart\'s network-gateway ports when network is set', () => {
    const { objects: defaults } = synth('istio-system', { name: 'istio-eastwest', network: 'network-1' });
    expect(only(defaults, 'Service')).toEqual(only(objects, 'Service'));
  });

  test('the pods carry the network label and the proxy requests the network view (chart template)', () => {
    const deployment = only(objects, 'Deployment');
    // The Deployment's own labels have no network label, as the chart's.
    expect(deployment.metadata.labels).toEqual(withoutHelm(EASTWEST_CHART_LABELS));
    expect(deployment.spec.template.metadata.labels).toEqual(
      withoutHelm({ 'sidecar.istio.io/inject': 'true', ...EASTWEST_CHART_LABELS, 'topology.istio.io/network': 'network-1' }),
    );
    expect(deployment.spec.template.spec.containers[0].env).toEqual([
      { name: 'ISTIO_META_REQUESTED_NETWORK_VIEW', value: 'network-1' },
    ]);
  });

  test('tls on 443 to 15443 (gateway-network-gateway-port-override)', () => {
    const { objects: override } = synth('istio-system', {
      name: 'istio-eastwest',
      network: 'network-1',
      ports: [
        { name: 'tls', port: 443, targetPort: 15443 },
        { name: 'tls-istiod', port: 15012, targetPort: 15012 },
        { name: 'tls-webhook', port: 15017, targetPort: 15017 },
      ],
    });
    expect(only(override, 'Service').spec.ports).toEqual([
      { name: 'status-port', port: 15021, targetPort: 15021, protocol: 'TCP' },
      { name: 'tls', port: 443, targetPort: 15443, protocol: 'TCP' },
      { name: 'tls-istiod', port: 15012, targetPort: 15012, protocol: 'TCP' },
      { name: 'tls-webhook', port: 15017, targetPort: 15017, protocol: 'TCP' },
    ]);
  });
});

describe('other chart values', () => {
  test('service.selectorLabels are added to the Service selector only (gateway-service-selector-labels)', () => {
    const { objects } = synth('istio-ingress', {
      name: 'istio-ingress',
      serviceSelectorLabels: { 'istio.io/rev': 'canary', 'custom-label': 'custom-value' },
    });
    expect(only(objects, 'Service').spec.selector).toEqual({
      'app': 'istio-ingress',
      'istio': 'ingress',
      'custom-label': 'custom-value',
      'istio.io/rev': 'canary',
    });
    expect(only(objects, 'Service').spec.ports).toEqual(SERVICE_PORTS);
    expect(only(objects, 'Deployment').spec.selector.matchLabels).toEqual({ app: 'istio-ingress', istio: 'ingress' });
  });

  test('env, in name order, then envVarFrom (gateway-env-var-from)', () => {
    const { objects } = synth('istio-ingress', {
      name: 'istio-ingress',
      env: { TEST_ENV: 'test' },
      envVarFrom: [{ name: 'TEST_SECRET', valueFrom: { secretKeyRef: { name: 'test-name', key: 'test-key' } } }],
    });
    expect(only(objects, 'Deployment').spec.template.spec.containers[0].env).toEqual([
      { name: 'TEST_ENV', value: 'test' },
      { name: 'TEST_SECRET', valueFrom: { secretKeyRef: { key: 'test-key', name: 'test-name' } } },
    ]);
  });

  test('env after the network view, sorted by name as Helm ranges over a map', () => {
    const { objects } = synth(undefined, { network: 'net', env: { B: '2', A: '1' } });
    expect(only(objects, 'Deployment').spec.template.spec.containers[0].env).toEqual([
      { name: 'ISTIO_META_REQUESTED_NETWORK_VIEW', value: 'net' },
      { name: 'A', value: '1' },
      { name: 'B', value: '2' },
    ]);
  });

  test('revision labels the pods istio.io/rev (sidecarInjectionLabels) and nothing else', () => {
    const { objects } = synth('istio-ingress', { revision: 'canary' });
    const deployment = only(objects, 'Deployment');
    expect(deployment.spec.template.metadata.labels['istio.io/rev']).toBe('canary');
    expect(deployment.metadata.labels['istio.io/rev']).toBeUndefined();
    expect(only(objects, 'Service').metadata.labels['istio.io/rev']).toBeUndefined();
  });

  test('labels go on every object and the pods, never into the selectors', () => {
    const { objects } = synth('istio-ingress', { labels: { team: 'edge' } });
    for (const object of objects) expect(object.metadata.labels.team).toBe('edge');
    const deployment = only(objects, 'Deployment');
    expect(deployment.spec.template.metadata.labels.team).toBe('edge');
    expect(deployment.spec.selector.matchLabels).toEqual({ app: 'istio-ingressgateway', istio: 'ingressgateway' });
    expect(only(objects, 'Service').spec.selector).toEqual({ app: 'istio-ingressgateway', istio: 'ingressgateway' });
  });

  test('pod annotations merge over the chart\'s; Service annotations', () => {
    const { objects } = synth('istio-ingress', {
      podAnnotations: { 'prometheus.io/scrape': 'false', 'example.com/owner': 'edge' },
      serviceAnnotations: { 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' },
    });
    expect(only(objects, 'Deployment').spec.template.metadata.annotations).toEqual({
      ...POD_ANNOTATIONS,
      'prometheus.io/scrape': 'false',
      'example.com/owner': 'edge',
    });
    expect(only(objects, 'Service').metadata.annotations).toEqual({ 'service.beta.kubernetes.io/aws-load-balancer-type': 'nlb' });
  });

  test('resources merge over the chart\'s; an empty string leaves a value out', () => {
    const { objects } = synth('istio-ingress', { resources: { limits: { cpu: '', memory: '2Gi' }, requests: { cpu: '500m' } } });
    expect(only(objects, 'Deployment').spec.template.spec.containers[0].resources).toEqual({
      limits: { memory: '2Gi' },
      requests: { cpu: '500m', memory: '128Mi' },
    });
  });

  test('autoscaling settings, and a memory metric', () => {
    const { objects } = synth('istio-ingress', {
      autoscaling: { minReplicas: 2, maxReplicas: 10, targetCpuUtilizationPercentage: 60, targetMemoryUtilizationPercentage: 70 },
    });
    const spec = only(objects, 'HorizontalPodAutoscaler').spec;
    expect(spec.minReplicas).toBe(2);
    expect(spec.maxReplicas).toBe(10);
    expect(spec.metrics).toEqual([
      { type: 'Resource', resource: { name: 'cpu', target: { averageUtilization: 60, type: 'Utilization' } } },
      { type: 'Resource', resource: { name: 'memory', target: { averageUtilization: 70, type: 'Utilization' } } },
    ]);
  });

  test('imagePullPolicy, terminationGracePeriodSeconds and the status-port readiness probe', () => {
    const { objects } = synth('istio-ingress', {
      imagePullPolicy: ImagePullPolicy.IF_NOT_PRESENT,
      terminationGracePeriodSeconds: 60,
      readinessProbe: GatewayWorkload.statusPortReadinessProbe(),
    });
    const pod = only(objects, 'Deployment').spec.template.spec;
    expect(pod.terminationGracePeriodSeconds).toBe(60);
    expect(pod.containers[0].imagePullPolicy).toBe('IfNotPresent');
    expect(pod.containers[0].readinessProbe).toEqual({
      httpGet: { path: '/healthz/ready', port: 15021 },
      initialDelaySeconds: 0,
      periodSeconds: 15,
      timeoutSeconds: 3,
      failureThreshold: 4,
    });
  });
});

describe('names, namespace and Service', () => {
  test('defaults: istio-ingressgateway, selected as istio: ingressgateway', () => {
    const { workload, objects } = synth('edge');
    expect(workload.selectorLabels).toEqual({ app: 'istio-ingressgateway', istio: 'ingressgateway' });
    expect(objects.every((o) => o.metadata.name === 'istio-ingressgateway' && o.metadata.namespace === 'edge')).toBe(true);
  });

  test('the namespace falls back to istio-system when neither the props nor the chart give one', () => {
    expect(synth(undefined).workload.workloadNamespace).toBe('istio-system');
    expect(synth('edge', { namespace: 'gateways' }).workload.workloadNamespace).toBe('gateways');
  });

  test('appLabel and istioLabel', () => {
    const { workload, objects } = synth('istio-ingress', { name: 'egress', appLabel: 'istio-egressgateway', istioLabel: 'egressgateway' });
    expect(workload.selectorLabels).toEqual({ app: 'istio-egressgateway', istio: 'egressgateway' });
    expect(only(objects, 'Deployment').metadata.name).toBe('egress');
  });

  test('ClusterIP and NodePort Services; a port per listener with its protocol, targetPort and nodePort', () => {
    const clusterIp = synth('istio-egress', { serviceType: ServiceType.CLUSTER_IP, ports: [{ name: 'tls', port: 443 }] });
    expect(only(clusterIp.objects, 'Service').spec).toEqual({
      type: 'ClusterIP',
      ports: [SERVICE_PORTS[0], { name: 'tls', port: 443, protocol: 'TCP', targetPort: 443 }],
      selector: { app: 'istio-ingressgateway', istio: 'ingressgateway' },
    });
    const nodePort = synth('istio-ingress', {
      serviceType: ServiceType.NODE_PORT,
      ports: [
        { name: 'http', port: 80, targetPort: 8080, nodePort: 30080 },
        { name: 'udp-dns', port: 53, protocol: PortProtocol.UDP },
      ],
    });
    expect(only(nodePort.objects, 'Service').spec.type).toBe('NodePort');
    expect(only(nodePort.objects, 'Service').spec.ports.slice(1)).toEqual([
      { name: 'http', port: 80, protocol: 'TCP', targetPort: 8080, nodePort: 30080 },
      { name: 'udp-dns', port: 53, protocol: 'UDP', targetPort: 53 },
    ]);
    expect(nodePort.workload.node.validate()).toEqual([]);
  });

  test('addPort() exposes a port added after the workload', () => {
    const chart = new Chart(Testing.app(), 'test', { namespace: 'istio-ingress' });
    const workload = new GatewayWorkload(chart, 'Workload', { ports: [] });
    workload.addPort({ name: 'tcp-db', port: 5432 });
    expect(only(Testing.synth(chart), 'Service').spec.ports).toEqual([
      SERVICE_PORTS[0],
      { name: 'tcp-db', port: 5432, protocol: 'TCP', targetPort: 5432 },
    ]);
    expect(workload.servicePorts.map((p) => p.name)).toEqual(['status-port', 'tcp-db']);
    workload.addPort({ name: 'tcp-db', port: 5433 });
    expect(workload.node.validate()).toEqual([expect.stringContaining('another port is also named "tcp-db"')]);
  });

  test('a chart with an invalid workload does not synthesize', () => {
    const app: App = Testing.app();
    new GatewayWorkload(new Chart(app, 'test'), 'Workload', { replicas: 0, autoscaling: { enabled: false } });
    expect(() => app.synth()).toThrow(/replicas 0 is not a whole number of at least 1/);
  });
});

describe('validation', () => {
  test('port numbers must be 1..65535', () => {
    expect(problems({ ports: [{ name: 'http', port: 0 }, { name: 'https', port: 70000, targetPort: -1 }] })).toEqual([
      'port "http" (#0): port 0 is out of range; use a whole number from 1 to 65535.',
      'port "https" (#1): port 70000 is out of range; use a whole number from 1 to 65535.',
      'port "https" (#1): targetPort -1 is out of range; use a whole number from 1 to 65535, or leave it out to use the port.',
    ]);
  });

  test('port names must be unique DNS labels', () => {
    expect(problems({ ports: [{ name: 'HTTP', port: 80 }, { name: 'web', port: 81 }, { name: 'web', port: 82 }] })).toEqual([
      'port "HTTP" (#0): the name is not a DNS-1123 label; use lower-case letters, digits and \'-\' (at most 63), e.g. \'http2\' or \'https\'.',
      'port "web" (#2): another port is also named "web"; give each Service port its own name.',
    ]);
  });

  test('no clash with the status port 15021, nor with the proxy\'s own ports', () => {
    expect(problems({ ports: [{ name: 'status-port', port: 8021 }, { name: 'health', port: 15021 }, { name: 'admin', port: 8000, targetPort: 15000 }] })).toEqual([
      'port "status-port" (#0): "status-port" is the health check port the workload always adds; remove it from ports, or rename it.',
      'port "health" (#1): port 15021 clashes with "status-port", which the workload always exposes for health checks; use another port.',
      'port "admin" (#2): targetPort 15000 is the proxy\'s own port for Envoy admin, so a listener cannot use it; listen on another port (e.g. 8080, 8443 or the Service port).',
    ]);
  });

  test('a port number once per protocol; node ports only with NodePort or LoadBalancer', () => {
    expect(problems({ ports: [{ name: 'a', port: 80 }, { name: 'b', port: 80 }, { name: 'c', port: 80, protocol: PortProtocol.UDP }] })).toEqual([
      'port "b" (#1): port 80/TCP is also exposed as "a"; give each Service port its own number.',
    ]);
    expect(problems({ serviceType: ServiceType.CLUSTER_IP, ports: [{ name: 'a', port: 80, nodePort: 30080 }] })).toEqual([
      'port "a" (#0): nodePort 30080 needs serviceType NODE_PORT or LOAD_BALANCER; remove it, or change serviceType.',
    ]);
    expect(problems({ ports: [{ name: 'a', port: 80, nodePort: 30080 }, { name: 'b', port: 81, nodePort: 30080 }] })).toEqual([
      'port "b" (#1): nodePort 30080 is also used by "a"; give each port its own node port.',
    ]);
  });

  test('replicas must be at least 1, and only count without autoscaling', () => {
    expect(problems({ replicas: 0, autoscaling: { enabled: false } })).toEqual([
      'replicas 0 is not a whole number of at least 1; run at least one gateway pod.',
    ]);
    expect(problems({ replicas: 3 })).toEqual([
      'replicas 3 has no effect while autoscaling is on (the autoscaler sets the pod count); ' +
        'set autoscaling.minReplicas instead, or turn autoscaling off with autoscaling: { enabled: false }.',
    ]);
  });

  test('autoscaling: min >= 1, min <= max, a metric', () => {
    expect(problems({ autoscaling: { minReplicas: 0 } })).toEqual([
      'autoscaling.minReplicas 0 is not a whole number of at least 1; keep at least one gateway pod.',
    ]);
    expect(problems({ autoscaling: { minReplicas: 4, maxReplicas: 3 } })).toEqual([
      'autoscaling.minReplicas 4 is above autoscaling.maxReplicas 3; lower minReplicas or raise maxReplicas.',
    ]);
    expect(problems({ autoscaling: { targetCpuUtilizationPercentage: 0 } })).toEqual([
      'autoscaling has no metric to scale on; give autoscaling.targetCpuUtilizationPercentage (e.g. 80), or turn autoscaling off.',
    ]);
    expect(problems({ autoscaling: { targetCpuUtilizationPercentage: 12.5 } })).toEqual([
      'autoscaling.targetCpuUtilizationPercentage 12.5 is not a whole percentage of at least 1, e.g. 80.',
    ]);
    // Off, its settings are not range-checked, but refused: they would have no effect.
    expect(problems({ autoscaling: { enabled: false, minReplicas: 0 } })).toEqual([
      'autoscaling.minReplicas is set, but autoscaling is off (enabled: false), so it would have no effect; remove it, or turn autoscaling on (with autoscaling off, replicas sets the pod count).',
    ]);
  });

  test('the disruption budget must leave a pod to evict', () => {
    expect(problems({ autoscaling: { minReplicas: 2 }, podDisruptionBudget: { minAvailable: 2 } })).toEqual([
      'podDisruptionBudget.minAvailable 2 is not below autoscaling.minReplicas 2, so no pod could ever be evicted and node drains would hang; ' +
        'use a minAvailable below 2, or run more pods.',
    ]);
    expect(problems({ replicas: 2, autoscaling: { enabled: false }, podDisruptionBudget: { minAvailable: 1, maxUnavailable: 1 } })).toEqual([
      'podDisruptionBudget sets both minAvailable 1 and maxUnavailable 1; Kubernetes allows one, so keep one of them.',
    ]);
    expect(problems({ replicas: 2, autoscaling: { enabled: false }, podDisruptionBudget: { maxUnavailable: 0 } })).toEqual([
      'podDisruptionBudget.maxUnavailable 0 is not a whole number of at least 1; with 0 no pod could ever be evicted and node drains would hang.',
    ]);
  });

  test('names and labels', () => {
    expect(problems({ name: '1gateway' }, 'Bad_NS')).toEqual([
      'name "1gateway" cannot name a Service; use at most 63 lower-case letters, digits and \'-\', starting with a letter.',
      'namespace "Bad_NS" is not a DNS-1123 label; use lower-case letters, digits and \'-\' (at most 63).',
    ]);
    expect(problems({ network: 'net work', istioLabel: '' })).toEqual([
      'istioLabel is empty; give a label value, or leave istioLabel out for the default.',
      'network "net work" is not a label value; use at most 63 letters, digits, \'-\', \'_\' and \'.\', starting and ending with a letter or digit.',
    ]);
    expect(problems({ labels: { 'istio': 'x', 'bad key!': 'ok', 'ok': '-bad' }, serviceSelectorLabels: { app: 'x' } })).toEqual([
      'labels sets "istio", which the workload sets itself; remove it from labels (set it with istioLabel).',
      'labels: "bad key!" is not a label key; use an optional DNS subdomain prefix and \'/\', then a name: ' +
        'use at most 63 letters, digits, \'-\', \'_\' and \'.\', starting and ending with a letter or digit.',
      'labels: the value "-bad" of "ok" is not a label value; use at most 63 letters, digits, \'-\', \'_\' and \'.\', starting and ending with a letter or digit.',
      'serviceSelectorLabels sets "app", which the workload sets itself; remove it from serviceSelectorLabels (the Service always selects appLabel).',
    ]);
  });

  test('labels may not change what the workload sets itself', () => {
    expect(problems({ labels: { 'istio.io/dataplane-mode': 'ambient', 'istio.io/rev': 'canary' } })).toEqual([
      'labels sets "istio.io/dataplane-mode", which the workload sets itself; remove it from labels ' +
        '(it is always \'none\': ambient must not capture a gateway\'s traffic).',
      'labels sets "istio.io/rev", which the workload sets itself; remove it from labels (set it with revision).',
    ]);
  });

  test('resources must be quantities, requests within limits', () => {
    expect(problems({ resources: { requests: { cpu: 'lots', memory: '4Gi' } } })).toEqual([
      'resources.requests.cpu "lots" is not a Kubernetes quantity; use one like \'500m\' or \'2\'.',
      'resources.requests.memory "4Gi" is above resources.limits.memory "1024Mi"; lower the request or raise the limit.',
    ]);
    expect(problems({ resources: { requests: { cpu: '1.5' }, limits: { cpu: '2', memory: '1e9' } } })).toEqual([]);
  });

  test('env: no second network view, no duplicates, terminationGracePeriodSeconds >= 0', () => {
    const secret: k8s.EnvVar = { name: 'A', valueFrom: { secretKeyRef: { name: 's', key: 'k' } } };
    expect(problems({ network: 'n', env: { ISTIO_META_REQUESTED_NETWORK_VIEW: 'x', A: '1' }, envVarFrom: [secret], terminationGracePeriodSeconds: -1 })).toEqual([
      'terminationGracePeriodSeconds -1 is not a whole number of at least 0.',
      'env variable ISTIO_META_REQUESTED_NETWORK_VIEW is set by network; remove it from env and envVarFrom.',
      'env variable "A" is set more than once in env and envVarFrom; keep one.',
    ]);
  });
});
