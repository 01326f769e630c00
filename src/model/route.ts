import { Duration } from 'cdk8s';
import { GatewayRef } from './gateway';
import { FaultInjection } from '../fault';
import { CorsPolicy, HeaderEdits, HttpRewrite } from '../http-policies';
import { HttpRouteMatch } from '../match';
import { RetryPolicy } from '../retry';
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
  /** Set when the rule gave both `action` and `forwardTo`, or neither. */
  readonly actionGiven?: 'both' | 'neither';
  /** The route's own `forwardTo`: the last rule, for every request no other rule matches. */
  readonly fallback?: boolean;
  /** The forward action's backends, resolved (empty for other actions). */
  readonly backends: ResolvedBackend[];
  readonly timeout?: Duration;
  readonly retries?: RetryPolicy;
  readonly fault?: FaultInjection;
  /** The mirror, with its backend resolved. */
  readonly mirror?: { readonly backend: ResolvedBackend; readonly percentage: number };
  readonly rewrite?: HttpRewrite;
  readonly cors?: CorsPolicy;
  readonly requestHeaders?: HeaderEdits;
  readonly responseHeaders?: HeaderEdits;
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
  /** Listeners (by name) the route binds to; all that admit it when unset. */
  readonly listenerNames?: string[];
  /** Rules in evaluation order (see rule-order.ts). */
  readonly rules: HttpRuleModel[];
}

/** Whether a stream route is routed by SNI (TLS passthrough) or by port (TCP). */
export type StreamKind = 'tls' | 'tcp';

/**
 * A TLS passthrough route (by SNI) or a TCP route (by port) bound to one gateway: a VirtualService
 * `tls`/`tcp` section, or a TLSRoute/TCPRoute.
 */
export interface StreamRouteModel {
  readonly kind: StreamKind;
  readonly constructPath: string;
  readonly name: string;
  readonly namespace: string;
  readonly gateway: GatewayRef;
  /** One or more rules (several only with the Istio API). */
  readonly rules: StreamRuleModel[];
}

/** Which streams (SNI hosts, port) go to which backends. */
export interface StreamRuleModel {
  /** SNI hosts (TLS); `*` for TCP. */
  readonly hosts: string[];
  /** The listener port the rule binds to (always set for TCP). */
  readonly port?: number;
  readonly backends: ResolvedBackend[];
}
