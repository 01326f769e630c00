import { IConstruct } from 'constructs';
import { ApiFlavor } from './api-flavor';

/**
 * A gateway routes can bind to: one defined in this app, or one that exists elsewhere.
 */
export interface IGateway extends IConstruct {
  /** Name of the Gateway object. */
  readonly gatewayName: string;

  /** Namespace of the Gateway object. */
  readonly gatewayNamespace: string;

  /** Which API the gateway is written in; routes bound to it are written in the same one. */
  readonly api: ApiFlavor;
}
