// The Kubernetes Gateway API (gateway.networking.k8s.io, standard channel) as cdk8s L1 classes,
// generated in imports/.
export * from '../../imports/gateway.networking.k8s.io';
