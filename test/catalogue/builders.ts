import { Chart } from 'cdk8s';
import { ApiFlavor, Backend, GatewayListener, HttpRouteAction, HttpRouteRule, IngressGateway } from '../../src';

/** A Service backend (`svc:80` unless told otherwise). */
export const svc = (name = 'svc', port = 80, extra = {}) => Backend.service(name, { port, ...extra });

/** Forward to `svc:80`. */
export const forward = HttpRouteAction.forward([svc()]);

/** The gateway `gw` of a catalogue case, with an HTTP listener for any host unless told otherwise. */
export function gateway(chart: Chart, listeners = [GatewayListener.http()], api = ApiFlavor.ISTIO, name = 'gw') {
  return new IngressGateway(chart, 'gw', { api, name, listeners });
}

/** A route `route` on `gateway()` with one rule: `r` over a forward to `svc:80`. */
export function rule(chart: Chart, r: Partial<HttpRouteRule>, api = ApiFlavor.ISTIO) {
  gateway(chart, undefined, api).addHttpRoute('route', { name: 'route', rules: [{ action: forward, ...r }] });
}
