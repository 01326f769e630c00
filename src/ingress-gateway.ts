import { ApiObject, Names } from 'cdk8s';
import { Construct } from 'constructs';
import { ApiFlavor } from './api-flavor';
import { IGateway } from './gateway-ref';
import { HttpRoute, HttpRouteOptions } from './http-route';
import { GatewayListener } from './listener';
import { GatewayModel } from './model/gateway';
import { AppRegistry } from './model/registry';
import { resolveNamespace } from './namespace';
import { rendererFor } from './render/renderer';
import { gatewayProblems } from './validation/gateway-rules';

/**
 * Props for `IngressGateway`.
 */
export interface IngressGatewayProps {
  /**
   * Which API to render: Istio's (Gateway bound to a workload by selector) or the Kubernetes
   * Gateway API (Gateway of an Istio gateway class).
   * @default ApiFlavor.ISTIO
   */
  readonly api?: ApiFlavor;

  /**
   * Name of the Gateway object.
   * @default - derived from the construct path
   */
  readonly name?: string;

  /**
   * Namespace of the Gateway object.
   * @default - the chart's namespace, else `default`
   */
  readonly namespace?: string;

  /**
   * The listeners (servers). More can be added with addListener().
   * @default - none
   */
  readonly listeners?: GatewayListener[];

  /**
   * Labels of the gateway workload's pods this Gateway configures (Istio API).
   * @default { istio: 'ingressgateway' }
   */
  readonly selector?: { [key: string]: string };

  /**
   * Gateway class (Gateway API).
   * @default 'istio'
   */
  readonly gatewayClassName?: string;
}

/**
 * A north-south entry point: a gateway with listeners, and the HTTP routes bound to it.
 *
 * Everything a listener serves but no route matches is answered 404 by the gateway.
 */
export class IngressGateway extends Construct implements IGateway {
  public readonly gatewayName: string;
  public readonly gatewayNamespace: string;
  public readonly api: ApiFlavor;
  /** The Gateway object (Istio or Gateway API). */
  public readonly apiObject: ApiObject;

  private readonly listeners: GatewayListener[];
  private readonly selector: { [key: string]: string };
  private readonly gatewayClassName: string;

  public constructor(scope: Construct, id: string, props: IngressGatewayProps = {}) {
    super(scope, id);
    this.api = props.api ?? ApiFlavor.ISTIO;
    this.gatewayNamespace = resolveNamespace(this, props.namespace);
    this.gatewayName = props.name ?? Names.toDnsLabel(this);
    this.listeners = [...(props.listeners ?? [])];
    this.selector = props.selector ?? { istio: 'ingressgateway' };
    this.gatewayClassName = props.gatewayClassName ?? 'istio';

    const model = (): GatewayModel => ({
      constructPath: this.node.path,
      name: this.gatewayName,
      namespace: this.gatewayNamespace,
      selector: this.selector,
      gatewayClassName: this.gatewayClassName,
      listeners: this.listeners,
    });
    AppRegistry.of(this).registerGateway(this, model);
    this.apiObject = rendererFor(this.api).gateway(
      this,
      'Resource',
      { name: this.gatewayName, namespace: this.gatewayNamespace },
      model,
    );
    this.node.defaultChild = this.apiObject;
    this.node.addValidation({ validate: () => gatewayProblems(model(), this.api) });
  }

  /** Adds a listener. */
  public addListener(listener: GatewayListener): void {
    this.listeners.push(listener);
  }

  /**
   * Adds HTTP routing for a set of hosts served by this gateway.
   *
   * @param id the route's construct id (a child of this gateway)
   * @param options hosts, rules, name and namespace
   */
  public addHttpRoute(id: string, options: HttpRouteOptions = {}): HttpRoute {
    return new HttpRoute(this, id, { ...options, gateway: this });
  }
}
