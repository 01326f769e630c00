export * from './api-flavor';
export * from './backend';
export * from './backend-policy';
export * from './gateway-ref';
export * from './http-route';
export * from './httpbin-exposure';
export * from './ingress-gateway';
export * from './listener';
export * from './match';
export * from './route-action';
export * from './tls';

export * as istio from './l1/istio';
export * as istiosecurity from './l1/istio-security';
export * as gatewayapi from './l1/gateway-api';
