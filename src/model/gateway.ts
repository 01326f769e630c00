import { GatewayListener } from '../listener';

/**
 * A gateway as both renderers see it: where it runs and which listeners it has.
 */
export interface GatewayModel {
  /** Construct path, for messages. */
  readonly constructPath: string;
  /** Name of the Gateway object. */
  readonly name: string;
  /** Namespace of the Gateway object. */
  readonly namespace: string;
  /** Labels of the gateway workload's pods (Istio API `selector`). */
  readonly selector: { [key: string]: string };
  /** Gateway class (Gateway API). */
  readonly gatewayClassName: string;
  /** The cluster the gateway is applied to, when the app names clusters. */
  readonly cluster?: string;
  /** Listeners, in the order they were declared. */
  readonly listeners: GatewayListener[];
  /** Addresses of the gateway (Gateway API `addresses`): the Service of a deployed workload, or a remote network's gateway. */
  readonly addresses?: GatewayAddressModel[];
}

/** An address of a gateway. */
export interface GatewayAddressModel {
  readonly kind: 'IPAddress' | 'Hostname';
  readonly value: string;
}

/**
 * How a route refers to a gateway.
 */
export interface GatewayRef {
  readonly name: string;
  readonly namespace: string;
}
