import { ApiObject } from 'cdk8s';
import { Construct } from 'constructs';
import { GatewayApiRenderer } from './gateway-api';
import { IstioApiRenderer } from './istio-api';
import { ObjectForm } from './typed-object';
import { ApiFlavor } from '../api-flavor';
import { GatewayModel } from '../model/gateway';
import { HttpRouteModel, StreamKind, StreamRouteModel } from '../model/route';

/** Name and namespace of an object, known when the object is created. */
export interface ObjectMeta {
  readonly name: string;
  readonly namespace: string;
  readonly labels?: { [key: string]: string };
}

/**
 * Turns the intent model into the L1 objects of one API. Objects are created when the construct is,
 * with specs rendered lazily at synth from the model as it is then; validation runs first, so a
 * renderer only ever sees a model that passed it. A gateway's object is a child of its construct;
 * a route construct is its own object, so the renderer gives its kind and spec (an `ObjectForm`).
 */
export interface Renderer {
  readonly api: ApiFlavor;
  gateway(scope: Construct, id: string, meta: ObjectMeta, model: () => GatewayModel): ApiObject;
  /** An HTTP route's VirtualService or HTTPRoute (the route construct is the object). */
  httpRoute(model: () => HttpRouteModel): ObjectForm;
  /** A TLS or TCP route's VirtualService, TLSRoute or TCPRoute (the route construct is the object). */
  streamRoute(kind: StreamKind, model: () => StreamRouteModel): ObjectForm;
}

const GATEWAY_API_RENDERER = new GatewayApiRenderer();
const ISTIO_API_RENDERER = new IstioApiRenderer();

/** The renderer for `api` (renderers hold no state: one of each). */
export function rendererFor(api: ApiFlavor): Renderer {
  return api === ApiFlavor.GATEWAY_API ? GATEWAY_API_RENDERER : ISTIO_API_RENDERER;
}
