module example.com/cdk8s-istio-gateway-example

go 1.25

require (
	github.com/aws/constructs-go/constructs/v10 v10.8.1
	github.com/aws/jsii-runtime-go v1.140.0
	github.com/cdk8s-istio-gateway/cdk8s-istio-gateway-go/cdk8sistiogateway v0.0.0
	github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2 v2.70.106
	github.com/cdk8s-team/cdk8s-plus-go/cdk8splus33/v2 v2.5.57
)
