// cdk8s-istio-gateway from Go.
//
// Builds the same apps as the TypeScript examples of the same names (examples/<name>/main.ts) and
// writes each into <out>/<name>/:
//
//	go run .                                 # every example, into ./dist
//	go run . --out /tmp/yaml httpbin-istio-api
//
// Each example is one function that takes the App; add one by writing the function and naming it
// in examples.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/aws/constructs-go/constructs/v10"
	"github.com/aws/jsii-runtime-go"
	igw "github.com/cdk8s-istio-gateway/cdk8s-istio-gateway-go/cdk8sistiogateway"
	"github.com/cdk8s-team/cdk8s-core-go/cdk8s/v2"
	"github.com/cdk8s-team/cdk8s-plus-go/cdk8splus33/v2/k8s"
)

// example is an example name (as under examples/) and the function that builds it into an App.
type example struct {
	name  string
	build func(app cdk8s.App)
}

var examples = []example{
	{"httpbin-istio-api", func(app cdk8s.App) { httpbin(app, igw.ApiFlavor_ISTIO) }},
	{"httpbin-gateway-api", func(app cdk8s.App) { httpbin(app, igw.ApiFlavor_GATEWAY_API) }},
	{"secure-ingress-simple-istio-api", func(app cdk8s.App) { secureIngress(app, igw.ApiFlavor_ISTIO, false) }},
	{"secure-ingress-simple-gateway-api", func(app cdk8s.App) { secureIngress(app, igw.ApiFlavor_GATEWAY_API, false) }},
	{"secure-ingress-mutual-istio-api", func(app cdk8s.App) { secureIngress(app, igw.ApiFlavor_ISTIO, true) }},
	{"secure-ingress-mutual-gateway-api", func(app cdk8s.App) { secureIngress(app, igw.ApiFlavor_GATEWAY_API, true) }},
	{"egress-http-istio-api", func(app cdk8s.App) { egress(app, igw.ApiFlavor_ISTIO, igw.EgressMode_HTTP) }},
	{"egress-http-gateway-api", func(app cdk8s.App) { egress(app, igw.ApiFlavor_GATEWAY_API, igw.EgressMode_HTTP) }},
	{"egress-tls-origination-istio-api", func(app cdk8s.App) { egress(app, igw.ApiFlavor_ISTIO, igw.EgressMode_TLS_ORIGINATION) }},
	{"egress-tls-origination-gateway-api", func(app cdk8s.App) { egress(app, igw.ApiFlavor_GATEWAY_API, igw.EgressMode_TLS_ORIGINATION) }},
	{"primary-remote-cluster1-istio-api", func(app cdk8s.App) { eastWest(app, igw.ApiFlavor_ISTIO, true, igw.EastWestMode_SIDECAR) }},
	{"primary-remote-cluster1-gateway-api", func(app cdk8s.App) { eastWest(app, igw.ApiFlavor_GATEWAY_API, true, igw.EastWestMode_SIDECAR) }},
	{"east-west-ambient", func(app cdk8s.App) { eastWest(app, igw.ApiFlavor_GATEWAY_API, false, igw.EastWestMode_AMBIENT) }},
}

// httpbin is Istio's ingress walk-through: httpbin on httpbin.example.com, /status and /delay
// routed to httpbin:8000, every other path 404.
func httpbin(app cdk8s.App, api igw.ApiFlavor) {
	chart := cdk8s.NewChart(app, jsii.String("httpbin"), &cdk8s.ChartProps{Namespace: jsii.String("default")})
	igw.NewHttpbinExposure(chart, jsii.String("httpbin"), &igw.HttpbinExposureProps{Api: api})
}

// secureIngress serves httpbin.example.com over HTTPS on 443 with the credential
// `httpbin-credential`, SIMPLE or MUTUAL.
func secureIngress(app cdk8s.App, api igw.ApiFlavor, mutual bool) {
	chart := cdk8s.NewChart(app, jsii.String("secure-ingress"), &cdk8s.ChartProps{Namespace: jsii.String("default")})
	sampleApp(chart, "httpbin", sampleAppProps{name: "httpbin", image: *igw.HttpbinExposure_DEFAULT_IMAGE(), port: 8000, containerPort: 8080})

	tls := igw.ServerTls_Simple(jsii.String("httpbin-credential"), nil)
	if mutual {
		tls = igw.ServerTls_Mutual(jsii.String("httpbin-credential"), nil)
	}
	gateway := igw.NewIngressGateway(chart, jsii.String("gateway"), &igw.IngressGatewayProps{
		Api:       api,
		Name:      jsii.String("mygateway"),
		Listeners: &[]igw.GatewayListener{igw.GatewayListener_Https(&igw.HttpsListenerOptions{Hosts: jsii.Strings("httpbin.example.com"), Tls: tls})},
	})
	gateway.AddHttpRoute(jsii.String("httpbin"), &igw.HttpRouteOptions{
		Name:  jsii.String("httpbin"),
		Hosts: jsii.Strings("httpbin.example.com"),
		Rules: &[]*igw.HttpRouteRule{{
			Matches: &[]*igw.HttpRouteMatch{
				{Path: igw.PathMatch_Prefix(jsii.String("/status"))},
				{Path: igw.PathMatch_Prefix(jsii.String("/delay"))},
			},
			Action: igw.HttpRouteAction_Forward(&[]igw.Backend{
				igw.Backend_Service(jsii.String("httpbin"), &igw.ServiceBackendOptions{Port: jsii.Number(8000)}),
			}),
		}},
	})
}

// egress reaches edition.cnn.com only through the egress gateway (ServiceEntry, Gateway, routes for
// both legs). HTTP deploys the egress gateway itself with the Istio API, admits only clients of
// `default` and locks `default` in with a NetworkPolicy; TLS origination lets clients send plain
// HTTP on 80 and has the gateway originate TLS to port 443.
func egress(app cdk8s.App, api igw.ApiFlavor, mode igw.EgressMode) {
	name := "tls-origination"
	if mode == igw.EgressMode_HTTP {
		name = "http"
	}
	chart := cdk8s.NewChart(app, jsii.String("egress-"+name), &cdk8s.ChartProps{Namespace: jsii.String("default")})
	props := &igw.EgressRouteProps{Api: api, Name: jsii.String("cnn"), Host: jsii.String("edition.cnn.com"), Mode: mode}
	if mode == igw.EgressMode_HTTP {
		if api == igw.ApiFlavor_ISTIO {
			props.Workload = &igw.GatewayWorkloadProps{}
		} else {
			// Istio deploys the gateway in the route's namespace, which the NetworkPolicy must not confine.
			props.Namespace = jsii.String("istio-egress")
		}
		props.ClientNamespaces = jsii.Strings("default")
		props.AllowedClients = &igw.EgressClients{Namespaces: jsii.Strings("default")}
		props.ClientNetworkPolicy = &igw.ClientNetworkPolicyOptions{}
	}
	igw.NewEgressRoute(chart, jsii.String("cnn"), props)
}

// eastWest is cluster1's east-west gateway on network1: AUTO_PASSTHROUGH on 15443 (or HBONE on
// 15008 for ambient).
func eastWest(app cdk8s.App, api igw.ApiFlavor, exposeIstiod bool, mode igw.EastWestMode) {
	chart := cdk8s.NewChart(app, jsii.String("cluster1"), &cdk8s.ChartProps{Namespace: jsii.String("istio-system")})
	igw.NewEastWestGateway(chart, jsii.String("east-west"), &igw.EastWestGatewayProps{
		Api:          api,
		Cluster:      jsii.String("cluster1"),
		Network:      jsii.String("network1"),
		ExposeIstiod: jsii.Bool(exposeIstiod),
		Mode:         mode,
	})
}

type sampleAppProps struct {
	name, image         string
	port, containerPort float64
	version             string // default "v1"
}

// sampleApp is a sample backend to route to (Service, ServiceAccount and Deployment). Real apps
// bring their own.
func sampleApp(scope constructs.Construct, id string, props sampleAppProps) constructs.Construct {
	c := constructs.NewConstruct(scope, jsii.String(id))
	version := props.version
	if version == "" {
		version = "v1"
	}
	labels := map[string]*string{"app": jsii.String(props.name), "version": jsii.String(version)}
	portName := "http"
	switch props.port {
	case 443:
		portName = "https"
	case 9000:
		portName = "tcp"
	}
	k8s.NewKubeService(c, jsii.String("Service"), &k8s.KubeServiceProps{
		Metadata: &k8s.ObjectMeta{
			Name:   jsii.String(props.name),
			Labels: &map[string]*string{"app": jsii.String(props.name), "service": jsii.String(props.name)},
		},
		Spec: &k8s.ServiceSpec{
			Ports: &[]*k8s.ServicePort{{
				Name:       jsii.String(portName),
				Port:       jsii.Number(props.port),
				TargetPort: k8s.IntOrString_FromNumber(jsii.Number(props.containerPort)),
			}},
			Selector: &map[string]*string{"app": jsii.String(props.name)},
		},
	})
	account := jsii.String(props.name + "-" + version)
	k8s.NewKubeServiceAccount(c, jsii.String("ServiceAccount"), &k8s.KubeServiceAccountProps{Metadata: &k8s.ObjectMeta{Name: account}})
	k8s.NewKubeDeployment(c, jsii.String("Deployment"), &k8s.KubeDeploymentProps{
		Metadata: &k8s.ObjectMeta{Name: account},
		Spec: &k8s.DeploymentSpec{
			Replicas: jsii.Number(1),
			Selector: &k8s.LabelSelector{MatchLabels: &labels},
			Template: &k8s.PodTemplateSpec{
				Metadata: &k8s.ObjectMeta{Labels: &labels},
				Spec: &k8s.PodSpec{
					ServiceAccountName: account,
					Containers: &[]*k8s.Container{{
						Name:  jsii.String(props.name),
						Image: jsii.String(props.image),
						Ports: &[]*k8s.ContainerPort{{ContainerPort: jsii.Number(props.containerPort)}},
					}},
				},
			},
		},
	})
	return c
}

func main() {
	out := flag.String("out", "dist", "output folder; each example is written into <out>/<name>/")
	list := flag.Bool("list", false, "print the example names and exit")
	flag.Parse()
	defer jsii.Close()

	if *list {
		for _, e := range examples {
			fmt.Println(e.name)
		}
		return
	}
	selected := examples
	if flag.NArg() > 0 {
		selected = nil
		for _, name := range flag.Args() {
			found := false
			for _, e := range examples {
				if e.name == name {
					selected, found = append(selected, e), true
				}
			}
			if !found {
				fmt.Fprintf(os.Stderr, "unknown example: %s\n", name)
				os.Exit(2)
			}
		}
	}
	root, err := filepath.Abs(*out)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	for _, e := range selected {
		app := cdk8s.NewApp(&cdk8s.AppProps{Outdir: jsii.String(filepath.Join(root, e.name))})
		e.build(app)
		app.Synth()
		fmt.Printf("synthesized %s\n", e.name)
	}
}
