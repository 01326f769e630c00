import { ApiObject, Chart } from 'cdk8s';
import { Construct } from 'constructs';
import {
  ApiFlavor,
  Backend,
  BackendPolicy,
  EastWestGateway,
  EgressRoute,
  GatewayListener,
  HttpbinExposure,
  HttpRouteAction,
  IngressGateway,
  ServerTls,
} from '../../../src';
import { CatalogueTopic } from '../topic';

/**
 * Class 1, object identity: two constructs of one app that write the same object (API group, kind,
 * namespace and name). kubectl would apply one over the other, so the first one silently vanishes.
 */

const forward = (service = 'svc', namespace?: string) => HttpRouteAction.forward([Backend.service(service, { port: 80, namespace })]);

function redirectingGateway(c: Chart) {
  return new IngressGateway(c, 'gw', {
    api: ApiFlavor.GATEWAY_API,
    name: 'gw',
    listeners: [
      GatewayListener.http({ hosts: ['a.example.com'], httpsRedirect: true }),
      GatewayListener.https({ hosts: ['a.example.com'], tls: ServerTls.simple('cert') }),
    ],
  });
}

export const TOPIC: CatalogueTopic = {
  bad: [
    {
      name: 'identity: two backend policies named after one Service',
      build: (c) => {
        new BackendPolicy(c, 'a', { serviceName: 'httpbin' });
        new BackendPolicy(c, 'b', { serviceName: 'httpbin' });
      },
    },
    {
      name: 'identity: two gateways deploying the default workload',
      build: (c) => {
        new IngressGateway(c, 'gw1', { name: 'gw1', listeners: [GatewayListener.http({ hosts: ['a.example.com'] })], workload: {} });
        new IngressGateway(c, 'gw2', { name: 'gw2', listeners: [GatewayListener.http({ hosts: ['b.example.com'] })], workload: {} });
      },
    },
    {
      name: 'identity: two httpbin exposures',
      build: (c) => {
        new HttpbinExposure(c, 'a', { hosts: ['a.example.com'] });
        new HttpbinExposure(c, 'b', { hosts: ['b.example.com'] });
      },
    },
    {
      name: 'identity: two egress routes of one name',
      build: (c) => {
        new EgressRoute(c, 'a', { host: 'api.example.com', name: 'api' });
        new EgressRoute(c, 'b', { host: 'api.example.com', name: 'api' });
      },
    },
    {
      name: 'identity: a route named like the gateway\'s https-redirect route',
      build: (c) => {
        redirectingGateway(c).addHttpRoute('route', { name: 'gw-https-redirect', hosts: ['a.example.com'], rules: [{ action: forward() }] });
      },
    },
    {
      name: 'identity: an HTTPRoute named like a TCPRoute\'s ReferenceGrant',
      build: (c) => {
        const gw = new IngressGateway(c, 'gw', {
          api: ApiFlavor.GATEWAY_API,
          name: 'gw',
          listeners: [GatewayListener.http({ hosts: ['a.example.com'] }), GatewayListener.tcp({ port: 9000 })],
        });
        gw.addHttpRoute('web', { name: 'shop-tcproute', hosts: ['a.example.com'], rules: [{ action: forward('svc', 'backend') }] });
        gw.addTcpRoute('db', { name: 'shop', port: 9000, backends: [Backend.service('db', { port: 5432, namespace: 'backend' })] });
      },
    },
    {
      name: 'identity: a plain ApiObject named like a route',
      build: (c) => {
        new IngressGateway(c, 'gw', { name: 'gw', listeners: [GatewayListener.http({ hosts: ['a.example.com'] })] })
          .addHttpRoute('route', { name: 'shop', hosts: ['a.example.com'], rules: [{ action: forward() }] });
        new ApiObject(c, 'mine', { apiVersion: 'networking.istio.io/v1', kind: 'VirtualService', metadata: { name: 'shop' } });
      },
    },
    {
      name: 'identity: one object in two versions of its API',
      build: (c) => {
        new BackendPolicy(c, 'policy', { serviceName: 'reviews' });
        new ApiObject(c, 'mine', { apiVersion: 'networking.istio.io/v1beta1', kind: 'DestinationRule', metadata: { name: 'reviews', namespace: 'default' } });
      },
    },
    {
      name: 'identity: cluster-scoped objects written with different namespaces',
      build: (c) => {
        // The check runs in every app that uses a construct of this library.
        new BackendPolicy(c, 'policy', { serviceName: 'reviews' });
        new ApiObject(c, 'a', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader', namespace: 'team-a' } });
        new ApiObject(c, 'b', { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'reader', namespace: 'team-b' } });
      },
    },
    {
      name: 'identity: two plain objects of one name in a construct of the user\'s',
      build: (c) => {
        new BackendPolicy(c, 'policy', { serviceName: 'reviews' });
        const mine = new Construct(c, 'mine');
        new ApiObject(mine, 'a', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } });
        new ApiObject(mine, 'b', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings' } });
      },
    },
    {
      name: 'identity: two east-west gateways of one cluster',
      build: (c) => {
        new EastWestGateway(c, 'ew', { network: 'network1', cluster: 'cluster1', deployWorkload: false });
        new EastWestGateway(c, 'ew2', { network: 'network1', cluster: 'cluster1', deployWorkload: false });
      },
    },
    {
      name: 'identity: an east-west gateway of one named cluster beside one that names none',
      build: (c) => {
        new EastWestGateway(c, 'ew1', { network: 'network1', exposeIstiod: true });
        new EastWestGateway(c, 'ew2', { network: 'network1', cluster: 'cluster-1' });
      },
    },
  ],
  expected: {
    'identity: an east-west gateway of one named cluster beside one that names none': [
      '[c/ew1/Workload] ServiceAccount, Role, RoleBinding, Deployment, Service and HorizontalPodAutoscaler istio-system/istio-eastwestgateway are also written by c/ew2/Workload, and kubectl would apply one over the other; give one of them another name.',
      '[c/ew1/CrossNetwork] Gateway istio-system/cross-network-gateway is also written by c/ew2/CrossNetwork, and kubectl would apply one over the other; give one of them another name.',
      '[c/ew2/Workload] ServiceAccount, Role, RoleBinding, Deployment, Service and HorizontalPodAutoscaler istio-system/istio-eastwestgateway are also written by c/ew1/Workload, and kubectl would apply one over the other; give one of them another name.',
      '[c/ew2/CrossNetwork] Gateway istio-system/cross-network-gateway is also written by c/ew1/CrossNetwork, and kubectl would apply one over the other; give one of them another name.',
    ],
    'identity: two backend policies named after one Service': [
      '[c/a] DestinationRule default/httpbin is also written by c/b, and kubectl would apply one over the other; give one of them another name.',
      '[c/b] DestinationRule default/httpbin is also written by c/a, and kubectl would apply one over the other; give one of them another name.',
    ],
    'identity: two gateways deploying the default workload': [
      '[c/gw1/Workload] ServiceAccount, Role, RoleBinding, Deployment, Service and HorizontalPodAutoscaler default/istio-ingressgateway are also written by c/gw2/Workload, and kubectl would apply one over the other; give one of them another name.',
      '[c/gw2/Workload] ServiceAccount, Role, RoleBinding, Deployment, Service and HorizontalPodAutoscaler default/istio-ingressgateway are also written by c/gw1/Workload, and kubectl would apply one over the other; give one of them another name.',
    ],
    'identity: two httpbin exposures': [
      '[c/a] ServiceAccount, Service and Deployment default/httpbin are also written by c/b, and kubectl would apply one over the other; give one of them another name.',
      '[c/a/Gateway] Gateway default/httpbin-gateway is also written by c/b/Gateway, and kubectl would apply one over the other; give one of them another name.',
      '[c/a/Gateway/Route] VirtualService default/httpbin is also written by c/b/Gateway/Route, and kubectl would apply one over the other; give one of them another name.',
      '[c/b] ServiceAccount, Service and Deployment default/httpbin are also written by c/a, and kubectl would apply one over the other; give one of them another name.',
      '[c/b/Gateway] Gateway default/httpbin-gateway is also written by c/a/Gateway, and kubectl would apply one over the other; give one of them another name.',
      '[c/b/Gateway/Route] VirtualService default/httpbin is also written by c/a/Gateway/Route, and kubectl would apply one over the other; give one of them another name.',
    ],
    'identity: two egress routes of one name': [
      '[c/a] host "api.example.com" is also sent through an egress gateway by c/b; two ServiceEntries and routes for one host contend: route all of its ports with one EgressRoute.',
      '[c/a] ServiceEntry default/api, Gateway default/api-egress-gateway, DestinationRule default/egressgateway-for-api and VirtualService default/direct-api-through-egress-gateway are also written by c/b, and kubectl would apply one over the other; give one of them another name.',
      '[c/b] host "api.example.com" is also sent through an egress gateway by c/a; two ServiceEntries and routes for one host contend: route all of its ports with one EgressRoute.',
      '[c/b] ServiceEntry default/api, Gateway default/api-egress-gateway, DestinationRule default/egressgateway-for-api and VirtualService default/direct-api-through-egress-gateway are also written by c/a, and kubectl would apply one over the other; give one of them another name.',
    ],
    'identity: a route named like the gateway\'s https-redirect route': [
      '[c/gw] HTTPRoute default/gw-https-redirect is also written by c/gw/route, and kubectl would apply one over the other; give one of them another name.',
      '[c/gw/route] HTTPRoute default/gw-https-redirect is also written by c/gw, and kubectl would apply one over the other; give one of them another name.',
    ],
    'identity: an HTTPRoute named like a TCPRoute\'s ReferenceGrant': [
      '[c/gw/web] ReferenceGrant backend/shop-tcproute-from-default is also written by c/gw/db, and kubectl would apply one over the other; give one of them another name.',
      '[c/gw/db] ReferenceGrant backend/shop-tcproute-from-default is also written by c/gw/web, and kubectl would apply one over the other; give one of them another name.',
    ],
    'identity: a plain ApiObject named like a route': [
      '[c/gw/route] VirtualService default/shop is also written by c/mine, and kubectl would apply one over the other; give one of them another name.',
      '[c/mine] VirtualService default/shop is also written by c/gw/route, and kubectl would apply one over the other; give one of them another name.',
    ],
    'identity: one object in two versions of its API': [
      '[c/policy] DestinationRule default/reviews is also written by c/mine, and kubectl would apply one over the other; give one of them another name.',
      '[c/mine] DestinationRule default/reviews is also written by c/policy, and kubectl would apply one over the other; give one of them another name.',
    ],
    'identity: cluster-scoped objects written with different namespaces': [
      '[c/a] ClusterRole reader is also written by c/b, and kubectl would apply one over the other; give one of them another name.',
      '[c/b] ClusterRole reader is also written by c/a, and kubectl would apply one over the other; give one of them another name.',
    ],
    'identity: two plain objects of one name in a construct of the user\'s': [
      '[c/mine/a] ConfigMap default/settings is also written by c/mine/b, and kubectl would apply one over the other; give one of them another name.',
      '[c/mine/b] ConfigMap default/settings is also written by c/mine/a, and kubectl would apply one over the other; give one of them another name.',
    ],
    'identity: two east-west gateways of one cluster': [
      '[c/ew/CrossNetwork] Gateway istio-system/cross-network-gateway is also written by c/ew2/CrossNetwork, and kubectl would apply one over the other; give one of them another name.',
      '[c/ew2/CrossNetwork] Gateway istio-system/cross-network-gateway is also written by c/ew/CrossNetwork, and kubectl would apply one over the other; give one of them another name.',
    ],
  },

  valid: [
    {
      name: 'identity: an HTTPRoute and a TCPRoute of one name reaching one namespace (their ReferenceGrants are named by kind)',
      build: (c) => {
        const gw = new IngressGateway(c, 'gw', {
          api: ApiFlavor.GATEWAY_API,
          name: 'gw',
          listeners: [GatewayListener.http({ hosts: ['a.example.com'] }), GatewayListener.tcp({ port: 9000 })],
        });
        gw.addHttpRoute('web', { name: 'shop', hosts: ['a.example.com'], rules: [{ action: forward('svc', 'backend') }] });
        gw.addTcpRoute('db', { name: 'shop', port: 9000, backends: [Backend.service('db', { port: 5432, namespace: 'backend' })] });
      },
    },
    {
      name: 'identity: one name for objects of different kinds, namespaces or API groups',
      build: (c) => {
        new BackendPolicy(c, 'policy', { serviceName: 'shop' });
        new BackendPolicy(c, 'other-namespace', { serviceName: 'shop', namespace: 'team-b' });
        new IngressGateway(c, 'gw', { name: 'shop', listeners: [GatewayListener.http({ hosts: ['a.example.com'] })] })
          .addHttpRoute('route', { name: 'shop', hosts: ['a.example.com'], rules: [{ action: forward('shop') }] });
        new ApiObject(c, 'service', { apiVersion: 'v1', kind: 'Service', metadata: { name: 'shop' }, spec: { ports: [{ port: 80 }] } });
      },
    },
    {
      name: 'identity: two gateways deploying workloads of their own names',
      build: (c) => {
        new IngressGateway(c, 'gw1', { name: 'gw1', listeners: [GatewayListener.http({ hosts: ['a.example.com'] })], workload: { name: 'ingress-a' } });
        new IngressGateway(c, 'gw2', { name: 'gw2', listeners: [GatewayListener.http({ hosts: ['b.example.com'] })], workload: { name: 'ingress-b' } });
      },
    },
  ],
};
