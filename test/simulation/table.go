// Package simulation checks that synthesized Istio / Gateway API manifests route
// requests the way an example's routing table says, by loading them into Istio's
// in-process discovery server and walking requests through the Envoy config that
// istiod builds for the gateway proxy (istio.io/istio/pilot/pkg/simulation).
package simulation

import (
	"fmt"
	"os"
	"sort"
	"strings"

	"sigs.k8s.io/yaml"
)

// Table is one example's routing table (examples/<example>/routing.yaml).
type Table struct {
	// Manifests names the directory under the manifests root that holds the
	// example's synthesized YAML. Defaults to the example's own name.
	Manifests string `json:"manifests,omitempty"`
	// Services are Kubernetes Services the example assumes but does not create.
	Services []ServiceSpec `json:"services,omitempty"`
	// Secrets are TLS Secrets the example assumes but does not create; each
	// gets a freshly generated certificate (istiod checks Gateway API
	// certificateRefs for a parseable key pair).
	Secrets []SecretSpec `json:"secrets,omitempty"`
	// Proxies are the proxies requests are sent through, by name.
	Proxies map[string]ProxySpec `json:"proxies"`
	// Requests are the requests and where each must (or must not) go.
	Requests []Request `json:"requests"`
	// Istiod is how istiod runs for this example.
	Istiod IstiodSpec `json:"istiod,omitempty"`
}

// IstiodSpec is how istiod runs for an example.
type IstiodSpec struct {
	// Env are istiod environment variables (feature flags) the example needs,
	// e.g. PILOT_ENABLE_AMBIENT=true. istiod reads them once, when it starts,
	// so an example with Env runs in a child test process started with them.
	Env map[string]string `json:"env,omitempty"`
}

// ServiceSpec is a Kubernetes Service the example relies on.
type ServiceSpec struct {
	Name      string            `json:"name"`
	Namespace string            `json:"namespace,omitempty"`
	Labels    map[string]string `json:"labels,omitempty"`
	Selector  map[string]string `json:"selector,omitempty"`
	Ports     []ServicePortSpec `json:"ports"`
}

// SecretSpec is a kubernetes.io/tls Secret the example relies on.
type SecretSpec struct {
	Name      string `json:"name"`
	Namespace string `json:"namespace,omitempty"`
	// Hosts are the certificate's DNS names (default: the Secret's name).
	Hosts []string `json:"hosts,omitempty"`
	// CA adds ca.crt, the CA that issued the certificate, for validating clients.
	CA bool `json:"ca,omitempty"`
}

// ServicePortSpec is one port of a ServiceSpec.
type ServicePortSpec struct {
	Name        string `json:"name,omitempty"`
	Port        int32  `json:"port"`
	TargetPort  int32  `json:"targetPort,omitempty"`
	Protocol    string `json:"protocol,omitempty"`
	AppProtocol string `json:"appProtocol,omitempty"`
}

// ProxySpec says which proxy handles a request.
//
// One of:
//   - Labels: a proxy pod with these labels (what an Istio API Gateway's
//     spec.selector matches, e.g. the default ingress gateway {istio: ingressgateway});
//   - Deployment: a pod of that Deployment from the manifests (its pod template labels);
//   - Gateway: the proxy istiod deploys for that Kubernetes Gateway: its Service
//     and Deployment are rendered by Istio's own deployment controller and the
//     proxy takes the Deployment's pod labels.
type ProxySpec struct {
	// Type is router (default), sidecar, or waypoint (a proxy of the waypoint
	// template, e.g. an ambient east-west gateway).
	Type string `json:"type,omitempty"`
	// Namespace the proxy runs in. Defaults to istio-system for a labelled
	// proxy and to default for a Kubernetes Gateway's proxy.
	Namespace string `json:"namespace,omitempty"`
	// Labels of the proxy's pod (labelled proxies only).
	Labels map[string]string `json:"labels,omitempty"`
	// Deployment is the name of a Deployment in Namespace, from the manifests.
	Deployment string `json:"deployment,omitempty"`
	// Gateway is the name of a gateway.networking.k8s.io Gateway in Namespace.
	Gateway string `json:"gateway,omitempty"`
}

// Request is one simulated request and its expected fate.
type Request struct {
	Name string `json:"name"`
	// Proxy names an entry of Table.Proxies; may be omitted if there is one.
	Proxy string `json:"proxy,omitempty"`
	// Port the request is sent to on the proxy.
	Port int `json:"port"`
	// Protocol: http (default), http2, https (TLS terminated at the proxy
	// carrying HTTP), tcp, tls (TLS the proxy does not need to understand),
	// hbone (HTTP CONNECT in Istio mTLS, ambient's tunnel; see Expect.Hbone).
	Protocol string `json:"protocol,omitempty"`
	// TLS overrides the TLS mode implied by Protocol: plaintext, tls or mtls.
	TLS string `json:"tls,omitempty"`
	// Host is the Host header (and the SNI for https/tls unless Sni is set).
	Host string `json:"host,omitempty"`
	// Path defaults to /.
	Path    string            `json:"path,omitempty"`
	Headers map[string]string `json:"headers,omitempty"`
	Sni     string            `json:"sni,omitempty"`
	Alpn    string            `json:"alpn,omitempty"`
	// Address is the destination IP; only matters for listeners bound to an IP.
	Address string `json:"address,omitempty"`
	// Mode is gateway (default for routers), outbound (default for sidecars) or inbound.
	Mode   string `json:"mode,omitempty"`
	Expect Expect `json:"expect"`
}

// Expect is where a request must end up. Exactly one of Cluster, Passthrough,
// Split, NotFound, DirectResponse, Redirect and Error is set; the rest are
// optional extra checks on the path the request took.
type Expect struct {
	// Cluster: routed to this Envoy cluster (e.g. outbound|8000||httpbin.default.svc.cluster.local),
	// and the proxy has that cluster.
	Cluster string `json:"cluster,omitempty"`
	// Passthrough: forwarded at L4 (TCP proxy, no HTTP route) to this cluster.
	Passthrough string `json:"passthrough,omitempty"`
	// Split: routed to these clusters with these weights.
	Split map[string]uint32 `json:"split,omitempty"`
	// NotFound: Envoy answers 404 (no virtual host, no route, or a 404 direct response).
	NotFound bool `json:"notFound,omitempty"`
	// DirectResponse: the matched route answers with this status itself.
	DirectResponse uint32 `json:"directResponse,omitempty"`
	// Redirect: the matched route redirects; the fields given must match.
	Redirect *RedirectExpect `json:"redirect,omitempty"`
	// Hbone: the proxy terminates HBONE on the request's port and sends the
	// tunnelled connection to this cluster. Istio's simulator cannot follow
	// an HTTP CONNECT (its route matcher has no CONNECT case), so for
	// protocol hbone this is read from the listener istiod generated on
	// 0.0.0.0:<port>: an HTTP connection manager whose CONNECT route upgrades
	// to this cluster. Only with protocol hbone.
	Hbone string `json:"hbone,omitempty"`
	// Error: the simulator's error, verbatim ("no listener matched") or by key
	// (noListener, noFilterChain, multipleFilterChains, noVirtualHost, noRoute,
	// tlsRedirect, protocolError, tlsError, mtlsError).
	Error string `json:"error,omitempty"`

	Listener    string `json:"listener,omitempty"`
	FilterChain string `json:"filterChain,omitempty"`
	RouteConfig string `json:"routeConfig,omitempty"`
	VirtualHost string `json:"virtualHost,omitempty"`
	Route       string `json:"route,omitempty"`
}

// RedirectExpect checks a redirect route; empty fields are not checked.
type RedirectExpect struct {
	Scheme string `json:"scheme,omitempty"`
	Host   string `json:"host,omitempty"`
	Port   uint32 `json:"port,omitempty"`
	Path   string `json:"path,omitempty"`
	Status uint32 `json:"status,omitempty"`
}

// LoadTable reads and checks a routing table.
func LoadTable(path string) (*Table, error) {
	raw, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	t := &Table{}
	if err := yaml.UnmarshalStrict(raw, t); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if err := t.validate(); err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return t, nil
}

func (t *Table) validate() error {
	var errs []string
	if len(t.Proxies) == 0 {
		errs = append(errs, "no proxies")
	}
	for name, p := range t.Proxies {
		switch p.Type {
		case "", "router", "sidecar", "waypoint":
		default:
			errs = append(errs, fmt.Sprintf("proxy %q: type %q is not router, sidecar or waypoint", name, p.Type))
		}
		kinds := 0
		for _, set := range []bool{len(p.Labels) > 0, p.Deployment != "", p.Gateway != ""} {
			if set {
				kinds++
			}
		}
		if kinds != 1 {
			errs = append(errs, fmt.Sprintf("proxy %q: needs exactly one of labels, deployment, gateway", name))
		}
	}
	for i, s := range t.Services {
		if s.Name == "" || len(s.Ports) == 0 {
			errs = append(errs, fmt.Sprintf("services[%d]: needs name and ports", i))
		}
	}
	for i, s := range t.Secrets {
		if s.Name == "" {
			errs = append(errs, fmt.Sprintf("secrets[%d]: needs a name", i))
		}
	}
	if len(t.Requests) == 0 {
		errs = append(errs, "no requests")
	}
	seen := map[string]bool{}
	for i, r := range t.Requests {
		where := fmt.Sprintf("requests[%d] %q", i, r.Name)
		if r.Name == "" {
			errs = append(errs, where+": needs a name")
		}
		if seen[r.Name] {
			errs = append(errs, where+": duplicate name")
		}
		seen[r.Name] = true
		if _, err := t.proxyFor(r); err != nil {
			errs = append(errs, where+": "+err.Error())
		}
		if r.Port <= 0 {
			errs = append(errs, where+": needs a port")
		}
		switch r.Protocol {
		case "", "http", "http2", "https", "tcp", "tls", "hbone":
		default:
			errs = append(errs, fmt.Sprintf("%s: protocol %q is not http, http2, https, tcp, tls or hbone", where, r.Protocol))
		}
		switch r.TLS {
		case "", "plaintext", "tls", "mtls":
		default:
			errs = append(errs, fmt.Sprintf("%s: tls %q is not plaintext, tls or mtls", where, r.TLS))
		}
		switch r.Mode {
		case "", "gateway", "outbound", "inbound":
		default:
			errs = append(errs, fmt.Sprintf("%s: mode %q is not gateway, outbound or inbound", where, r.Mode))
		}
		e := r.Expect
		n := 0
		for _, set := range []bool{e.Cluster != "", e.Passthrough != "", len(e.Split) > 0, e.NotFound, e.DirectResponse != 0, e.Redirect != nil, e.Hbone != "", e.Error != ""} {
			if set {
				n++
			}
		}
		if n != 1 {
			errs = append(errs, where+": expect needs exactly one of cluster, passthrough, split, notFound, directResponse, redirect, hbone, error")
		}
		if (e.Hbone != "") != (r.Protocol == "hbone") && e.Error == "" {
			errs = append(errs, where+": expect hbone goes with protocol hbone, and protocol hbone with expect hbone or error")
		}
		if e.Error != "" {
			if _, ok := simulatorError(e.Error); !ok {
				errs = append(errs, fmt.Sprintf("%s: unknown error %q (known: %s)", where, e.Error, strings.Join(errorKeys(), ", ")))
			}
		}
	}
	if len(errs) > 0 {
		return fmt.Errorf("invalid routing table:\n  %s", strings.Join(errs, "\n  "))
	}
	return nil
}

// proxyFor returns the name of the proxy a request goes through.
func (t *Table) proxyFor(r Request) (string, error) {
	if r.Proxy == "" {
		if len(t.Proxies) == 1 {
			for name := range t.Proxies {
				return name, nil
			}
		}
		return "", fmt.Errorf("proxy must be named when the table has %d proxies", len(t.Proxies))
	}
	if _, ok := t.Proxies[r.Proxy]; !ok {
		names := make([]string, 0, len(t.Proxies))
		for n := range t.Proxies {
			names = append(names, n)
		}
		sort.Strings(names)
		return "", fmt.Errorf("unknown proxy %q (have %s)", r.Proxy, strings.Join(names, ", "))
	}
	return r.Proxy, nil
}
