// The Istio networking API (networking.istio.io v1) as cdk8s L1 classes, generated in imports/.
export * from '../../imports/networking.istio.io';
