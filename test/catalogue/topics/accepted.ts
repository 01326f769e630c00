import { Chart } from 'cdk8s';
import { ApiFlavor, Backend, GatewayListener, HttpRouteAction, IngressGateway, ServerTls } from '../../../src';
import { CatalogueTopic } from '../topic';

/**
 * Class 7: legal configurations pass; a rule is never stricter than Istio and the Gateway API.
 * Listeners on one port are told apart by host, the most specific first (SNI for HTTPS and TLS
 * passthrough, Envoy's filter chain match; the Host header for HTTP, whose servers Istio merges;
 * Gateway API listeners with different hostnames are distinct), so only the same host twice on one
 * port is a conflict.
 */

const APIS = [ApiFlavor.ISTIO, ApiFlavor.GATEWAY_API];
const svc = (name: string, port = 80, extra = {}) => Backend.service(name, { port, ...extra });
const perApi = (name: string, build: (c: Chart, api: ApiFlavor) => void) => APIS.map((api) => ({ name: `${name} (${api})`, build: (c: Chart) => build(c, api) }));

export const TOPIC: CatalogueTopic = {
  bad: [
    ...perApi('accepted: HTTPS and TLS passthrough for the same host on one port', (c, api) => new IngressGateway(c, 'gw', {
      api,
      name: 'gw',
      listeners: [
        GatewayListener.https({ hosts: ['api.example.com'], tls: ServerTls.simple('api-cert') }),
        GatewayListener.tlsPassthrough({ name: 'tls', port: 443, hosts: ['api.example.com'] }),
      ],
    })),
  ],
  expected: {
    'accepted: HTTPS and TLS passthrough for the same host on one port (istio)': [
      '[c/gw] listeners "https" and "tls" both serve port 443 for host "api.example.com"; give them different hosts (a wildcard beside one of its hosts is fine: the most specific wins), merge them into one listener, or use another port.',
    ],
    'accepted: HTTPS and TLS passthrough for the same host on one port (gateway-api)': [
      '[c/gw] listeners "https" and "tls" both serve port 443 for host "api.example.com"; give them different hosts (a wildcard beside one of its hosts is fine: the most specific wins), merge them into one listener, or use another port.',
    ],
  },
  valid: [
    {
      name: 'accepted: two gateways on one workload and port, a wildcard beside one of its hosts (Istio API)',
      build: (c) => {
        new IngressGateway(c, 'a', { name: 'a', listeners: [GatewayListener.https({ hosts: ['shop.example.com'], tls: ServerTls.simple('shop-cert') })] });
        new IngressGateway(c, 'b', { name: 'b', listeners: [GatewayListener.https({ hosts: ['*.example.com'], tls: ServerTls.simple('wildcard-cert') })] });
      },
    },
    ...perApi('accepted: HTTPS for one host beside TLS passthrough for the rest of its domain on one port', (c, api) => {
      const gw = new IngressGateway(c, 'gw', {
        api,
        name: 'gw',
        listeners: [
          GatewayListener.https({ hosts: ['api.example.com'], tls: ServerTls.simple('api-cert') }),
          GatewayListener.tlsPassthrough({ name: 'tls', port: 443, hosts: ['*.example.com'] }),
        ],
      });
      gw.addHttpRoute('api', { name: 'api', hosts: ['api.example.com'], forwardTo: [{ service: 'api', port: 8080 }] });
      gw.addTlsRoute('db', { name: 'db', hosts: ['db.example.com'], backends: [svc('db', 5432)] });
    }),
    ...perApi('accepted: HTTPS for a wildcard and for one of its hosts on one port', (c, api) => new IngressGateway(c, 'gw', {
      api,
      name: 'gw',
      listeners: [
        GatewayListener.https({ name: 'any', hosts: ['*.example.com'], tls: ServerTls.simple('wildcard-cert') }),
        GatewayListener.https({ name: 'api', hosts: ['api.example.com'], tls: ServerTls.simple('api-cert') }),
      ],
    })),
    ...perApi('accepted: HTTP for a wildcard and for one of its hosts on one port, each with its route', (c, api) => {
      const gw = new IngressGateway(c, 'gw', {
        api,
        name: 'gw',
        listeners: [GatewayListener.http({ name: 'any', hosts: ['*.example.com'] }), GatewayListener.http({ name: 'shop', hosts: ['shop.example.com'] })],
      });
      gw.addHttpRoute('blog', { name: 'blog', hosts: ['blog.example.com'], forwardTo: [{ service: 'blog', port: 80 }] });
      gw.addHttpRoute('shop', { name: 'shop', hosts: ['shop.example.com'], forwardTo: [{ service: 'shop', port: 80 }] });
    }),
    ...perApi('accepted: HTTP for any host beside HTTP for one host on one port', (c, api) => new IngressGateway(c, 'gw', {
      api,
      name: 'gw',
      listeners: [GatewayListener.http({ name: 'any' }), GatewayListener.http({ name: 'shop', hosts: ['shop.example.com'] })],
    })),
    ...perApi('accepted: route with backends in two other namespaces', (c, api) => new IngressGateway(c, 'gw', { api, name: 'gw', listeners: [GatewayListener.http()] })
      .addHttpRoute('route', {
        name: 'route',
        rules: [{ action: HttpRouteAction.forward([svc('cart', 80, { namespace: 'cart' }), svc('pay', 80, { namespace: 'pay' })]), mirror: { backend: svc('shadow', 80, { namespace: 'qa' }) } }],
      })),
  ],
};
