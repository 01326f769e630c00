export * as istio from './l1/istio';
export * as istiosecurity from './l1/istio-security';
export * as gatewayapi from './l1/gateway-api';
