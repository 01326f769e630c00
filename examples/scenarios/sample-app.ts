import { k8s } from 'cdk8s-plus-33';
import { Construct } from 'constructs';

/** What a sample backend listens on. */
export interface SampleAppProps {
  readonly name: string;
  readonly image: string;
  /** Service port. */
  readonly port: number;
  /** Container port. */
  readonly containerPort: number;
  /** The `version` label of the pods. */
  readonly version?: string;
  /**
   * The Service in front of the pods: `app` (named after the app, all versions), `version` (named
   * `<app>-<version>`, this version only) or `none`.
   */
  readonly service?: 'app' | 'version' | 'none';
}

/**
 * A sample backend the examples route to (Service, ServiceAccount and Deployment), so each example
 * applies on its own. Real apps bring their own.
 */
export class SampleApp extends Construct {
  public constructor(scope: Construct, id: string, props: SampleAppProps) {
    super(scope, id);
    const version = props.version ?? 'v1';
    const labels = { app: props.name, version };
    const service = props.service ?? 'app';
    if (service !== 'none') {
      const serviceName = service === 'app' ? props.name : `${props.name}-${version}`;
      const portName = props.port === 443 ? 'https' : props.port === 9000 ? 'tcp' : 'http';
      new k8s.KubeService(this, 'Service', {
        metadata: { name: serviceName, labels: { app: props.name, service: serviceName } },
        spec: {
          ports: [{ name: portName, port: props.port, targetPort: k8s.IntOrString.fromNumber(props.containerPort) }],
          selector: service === 'app' ? { app: props.name } : labels,
        },
      });
    }
    new k8s.KubeServiceAccount(this, 'ServiceAccount', { metadata: { name: `${props.name}-${version}` } });
    new k8s.KubeDeployment(this, 'Deployment', {
      metadata: { name: `${props.name}-${version}` },
      spec: {
        replicas: 1,
        selector: { matchLabels: labels },
        template: {
          metadata: { labels },
          spec: {
            serviceAccountName: `${props.name}-${version}`,
            containers: [{ name: props.name, image: props.image, ports: [{ containerPort: props.containerPort }] }],
          },
        },
      },
    });
  }
}
