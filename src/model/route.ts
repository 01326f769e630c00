import { Duration } from 'cdk8s';
import { GatewayRef } from './gateway';
import { HttpRouteMatch } from '../match';
import { HttpRouteAction } from '../route-action';

/**
 * A backend with its namespace and fully qualified host resolved.
 */
export interface ResolvedBackend {
  /** The Service name. */
  readonly serviceName: string;
  /** The Service namespace. */
  readonly namespace: string;
  /** `<name>.<namespace>.svc.<cluster domain>`. */
  readonly host: string;
  readonly port: number;
  readonly subset?: string;
  readonly weight?: number;
}

/**
 * One rule of an HTTP route: when it matches, what it does.
 */
export interface HttpRuleModel {
  readonly name?: string;
  /** Alternatives; empty means every request. */
  readonly matches: HttpRouteMatch[];
  readonly action: HttpRouteAction;
  /** The forward action's backends, resolved (empty for other actions). */
  readonly backends: ResolvedBackend[];
  readonly timeout?: Duration;
}

/**
 * HTTP routing bound to one gateway for a set of hosts: one VirtualService or one HTTPRoute.
 */
export interface HttpRouteModel {
  readonly constructPath: string;
  readonly name: string;
  readonly namespace: string;
  readonly gateway: GatewayRef;
  /** Hosts the route serves; `*` means every host the gateway serves. */
  readonly hosts: string[];
  /** Rules in evaluation order (see rule-order.ts). */
  readonly rules: HttpRuleModel[];
}
