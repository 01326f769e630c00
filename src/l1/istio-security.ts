// The Istio security API (security.istio.io v1) as cdk8s L1 classes, generated in imports/.
export * from '../../imports/security.istio.io';
