package simulation

import (
	"errors"
	"fmt"
	"net/http"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	listener "github.com/envoyproxy/go-control-plane/envoy/config/listener/v3"
	route "github.com/envoyproxy/go-control-plane/envoy/config/route/v3"
	appsv1 "k8s.io/api/apps/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	metadatafake "k8s.io/client-go/metadata/fake"
	k8stesting "k8s.io/client-go/testing"
	gatewayconsts "sigs.k8s.io/gateway-api/pkg/consts"

	"istio.io/istio/pilot/pkg/model"
	"istio.io/istio/pilot/pkg/simulation"
	"istio.io/istio/pilot/test/xds"
	"istio.io/istio/pilot/test/xdstest"
	kubelib "istio.io/istio/pkg/kube"
)

// Example is one routing table with the directory of manifests it is checked against.
type Example struct {
	Name      string
	TablePath string
	Dir       string
}

// FindExamples lists <tablesRoot>/*/routing.yaml; each example's manifests are
// <manifestsRoot>/<name>/ (or the table's `manifests` directory name).
func FindExamples(tablesRoot, manifestsRoot string) ([]Example, error) {
	paths, err := filepath.Glob(filepath.Join(tablesRoot, "*", TableFile))
	if err != nil {
		return nil, err
	}
	sort.Strings(paths)
	out := make([]Example, 0, len(paths))
	for _, p := range paths {
		name := filepath.Base(filepath.Dir(p))
		out = append(out, Example{Name: name, TablePath: p, Dir: filepath.Join(manifestsRoot, name)})
	}
	return out, nil
}

// Outcome is Istio's account of one simulated request: the listener, filter
// chain, route configuration, virtual host, route and cluster it matched in the
// proxy config istiod generated, or the simulator's error.
type Outcome struct {
	Request     Request
	Proxy       string
	Listener    string
	FilterChain string
	RouteConfig string
	VirtualHost string
	Route       string
	Cluster     string
	Err         error
	// Details of the matched route's action, read from the generated RDS.
	Split          map[string]uint32
	DirectResponse uint32
	Redirect       *RedirectExpect
	// ClusterKnown reports whether the proxy's CDS has Cluster (and every Split cluster).
	ClusterKnown bool
	// Notes are caveats the simulator cannot decide (e.g. header matches).
	Notes []string
}

// String renders the outcome in Istio's terms.
func (o Outcome) String() string {
	var parts []string
	add := func(k, v string) {
		if v != "" {
			parts = append(parts, k+"="+v)
		}
	}
	add("listener", o.Listener)
	add("filterChain", o.FilterChain)
	add("routeConfig", o.RouteConfig)
	add("virtualHost", o.VirtualHost)
	add("route", o.Route)
	add("cluster", o.Cluster)
	if len(o.Split) > 0 {
		add("split", formatSplit(o.Split))
	}
	if o.DirectResponse != 0 {
		add("directResponse", fmt.Sprint(o.DirectResponse))
	}
	if o.Redirect != nil {
		add("redirect", fmt.Sprintf("%+v", *o.Redirect))
	}
	if (o.Cluster != "" || len(o.Split) > 0) && !o.ClusterKnown {
		parts = append(parts, "(cluster NOT in the proxy's CDS: Envoy would answer 503)")
	}
	if o.Err != nil {
		add("error", fmt.Sprintf("%q", o.Err.Error()))
	} else {
		parts = append(parts, "error=none")
	}
	return strings.Join(parts, " ")
}

func formatSplit(s map[string]uint32) string {
	keys := make([]string, 0, len(s))
	for k := range s {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var b []string
	for _, k := range keys {
		b = append(b, fmt.Sprintf("%s:%d", k, s[k]))
	}
	return "{" + strings.Join(b, ", ") + "}"
}

// Describe is the request in one line.
func (r Request) Describe(proxy string) string {
	proto := r.Protocol
	if proto == "" {
		proto = "http"
	}
	s := fmt.Sprintf("%s port %d", proto, r.Port)
	if r.Host != "" {
		s += fmt.Sprintf(" host %q", r.Host)
	}
	if proto != "tcp" && proto != "tls" && proto != "hbone" {
		path := r.Path
		if path == "" {
			path = "/"
		}
		s += fmt.Sprintf(" path %q", path)
	}
	if r.Sni != "" {
		s += fmt.Sprintf(" sni %q", r.Sni)
	}
	return s + " via proxy " + proxy
}

// Result is one example's outcomes.
type Result struct {
	Example  Example
	Loaded   *Manifests
	Gateways []GatewayDeployment
	Outcomes []Outcome
}

// Mismatches compares every outcome with its expectation.
func (r *Result) Mismatches() []string {
	var out []string
	for _, o := range r.Outcomes {
		if m := Compare(o.Request.Expect, o); m != "" {
			out = append(out, fmt.Sprintf("request %q (%s)\n    expected:  %s\n    simulator: %s\n    mismatch:  %s",
				o.Request.Name, o.Request.Describe(o.Proxy), describeExpect(o.Request.Expect), o, m))
		}
	}
	return out
}

// Run loads an example into Istio's fake discovery server and simulates every
// request of its table. Problems loading the example are returned as errors;
// routing differences are in the Result (see Mismatches).
func Run(t *testing.T, ex Example) (*Result, error) {
	t.Helper()
	table, err := LoadTable(ex.TablePath)
	if err != nil {
		return nil, err
	}
	dir := ex.Dir
	if table.Manifests != "" {
		dir = filepath.Join(filepath.Dir(ex.Dir), table.Manifests)
	}
	if _, err := os.Stat(dir); err != nil {
		return nil, fmt.Errorf("manifests for example %q not found at %s (%v): run `npm run synth` first", ex.Name, dir, err)
	}
	m, err := LoadManifests(dir)
	if err != nil {
		return nil, fmt.Errorf("example %q: %v", ex.Name, err)
	}
	res := &Result{Example: ex, Loaded: m}

	objects := append([]runtime.Object{}, m.Objects...)
	for _, s := range table.Services {
		objects = append(objects, serviceObject(s))
	}
	for _, s := range table.Secrets {
		secret, err := secretObject(s)
		if err != nil {
			return nil, err
		}
		objects = append(objects, secret)
	}
	gws, err := RenderGatewayDeployments(objects)
	if err != nil {
		return nil, fmt.Errorf("example %q: %v", ex.Name, err)
	}
	res.Gateways = gws
	for _, gd := range gws {
		objects = append(objects, gd.Objects...)
	}

	version, err := IstioVersion()
	if err != nil {
		return nil, err
	}
	s := xds.NewFakeDiscoveryServer(t, xds.FakeOptions{
		Configs:            m.Configs,
		KubernetesObjects:  objects,
		KubeClientModifier: annotateGatewayAPICRDs,
	})

	proxies := map[string]*model.Proxy{}
	sims := map[string]*simulation.Simulation{}
	clusters := map[string]map[string]bool{}
	names := make([]string, 0, len(table.Proxies))
	for n := range table.Proxies {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, name := range names {
		p, err := buildProxy(name, table.Proxies[name], gws, objects, version)
		if err != nil {
			return nil, fmt.Errorf("example %q: %v", ex.Name, err)
		}
		proxies[name] = s.SetupProxy(p)
		sim := simulation.NewSimulation(t, s, proxies[name])
		sims[name] = sim
		clusters[name] = map[string]bool{}
		for _, c := range sim.Clusters {
			clusters[name][c.Name] = true
		}
	}

	for _, r := range table.Requests {
		pname, _ := table.proxyFor(r)
		sim := sims[pname]
		if r.Protocol == "hbone" {
			o := hboneOutcome(t, sim, r, pname)
			o.ClusterKnown = o.Cluster == "" || clusters[pname][o.Cluster]
			res.Outcomes = append(res.Outcomes, o)
			continue
		}
		call := toCall(r, table.Proxies[pname])
		got := sim.Run(call)
		o := Outcome{
			Request:     r,
			Proxy:       pname,
			Listener:    got.ListenerMatched,
			FilterChain: got.FilterChainMatched,
			RouteConfig: got.RouteConfigMatched,
			VirtualHost: got.VirtualHostMatched,
			Route:       got.RouteMatched,
			Cluster:     got.ClusterMatched,
			Err:         got.Error,
		}
		describeRoute(sim, &o)
		o.ClusterKnown = true
		if o.Cluster != "" && !clusters[pname][o.Cluster] {
			o.ClusterKnown = false
		}
		for c := range o.Split {
			if !clusters[pname][c] {
				o.ClusterKnown = false
			}
		}
		res.Outcomes = append(res.Outcomes, o)
	}
	return res, nil
}

func buildProxy(name string, spec ProxySpec, gws []GatewayDeployment, objects []runtime.Object, version string) (*model.Proxy, error) {
	typ := model.Router
	switch spec.Type {
	case "sidecar":
		typ = model.SidecarProxy
	case "waypoint":
		typ = model.Waypoint
	}
	ns := spec.Namespace
	labels := spec.Labels
	switch {
	case spec.Deployment != "":
		if ns == "" {
			ns = "default"
		}
		var found *appsv1.Deployment
		for _, o := range objects {
			if d, ok := o.(*appsv1.Deployment); ok && d.Name == spec.Deployment && d.Namespace == ns {
				found = d
			}
		}
		if found == nil {
			return nil, fmt.Errorf("proxy %q: no Deployment %s/%s in the manifests", name, ns, spec.Deployment)
		}
		labels = found.Spec.Template.Labels
	case spec.Gateway != "":
		if ns == "" {
			ns = "default"
		}
		var found *GatewayDeployment
		for i := range gws {
			if gws[i].Gateway.Name == spec.Gateway && gws[i].Gateway.Namespace == ns {
				found = &gws[i]
			}
		}
		if found == nil || found.Deployment == nil {
			return nil, fmt.Errorf("proxy %q: Istio's deployment controller deployed nothing for Gateway %s/%s "+
				"(is it in the manifests, with a gatewayClassName istiod manages, e.g. istio?)", name, ns, spec.Gateway)
		}
		labels = found.Deployment.Spec.Template.Labels
	case ns == "":
		ns = "istio-system"
	}
	return &model.Proxy{
		Type:            typ,
		ID:              name + "-simulated." + ns,
		ConfigNamespace: ns,
		Labels:          labels,
		Metadata: &model.NodeMetadata{
			Namespace:    ns,
			Labels:       labels,
			IstioVersion: version + ".0",
		},
	}, nil
}

func toCall(r Request, p ProxySpec) simulation.Call {
	c := simulation.Call{
		Address:    r.Address,
		Port:       r.Port,
		Path:       r.Path,
		HostHeader: r.Host,
		Sni:        r.Sni,
		Alpn:       r.Alpn,
		Protocol:   simulation.HTTP,
		TLS:        simulation.Plaintext,
		CallMode:   simulation.CallModeGateway,
	}
	switch r.Protocol {
	case "http2":
		c.Protocol = simulation.HTTP2
	case "https":
		c.TLS = simulation.TLS
	case "tcp":
		c.Protocol = simulation.TCP
	case "tls":
		c.Protocol = simulation.TCP
		c.TLS = simulation.TLS
	}
	switch r.TLS {
	case "plaintext":
		c.TLS = simulation.Plaintext
	case "tls":
		c.TLS = simulation.TLS
	case "mtls":
		c.TLS = simulation.MTLS
	}
	if p.Type == "sidecar" {
		c.CallMode = simulation.CallModeOutbound
	}
	switch r.Mode {
	case "gateway":
		c.CallMode = simulation.CallModeGateway
	case "outbound":
		c.CallMode = simulation.CallModeOutbound
	case "inbound":
		c.CallMode = simulation.CallModeInbound
	}
	if len(r.Headers) > 0 {
		c.Headers = http.Header{}
		for k, v := range r.Headers {
			c.Headers.Set(k, v)
		}
	}
	return c
}

// hboneOutcome reports what the proxy istiod configured does with HBONE (an
// HTTP CONNECT tunnel in Istio mTLS) on the request's port. Istio's simulator
// cannot walk it: its route matcher stops the test on a CONNECT matcher
// ("unknown route path type *routev3.RouteMatch_ConnectMatcher_",
// pilot/pkg/simulation/traffic.go). So the outcome is read from the generated
// LDS instead: the listener on 0.0.0.0:<port>, its filter chain's HTTP
// connection manager, and the route in it that matches CONNECT and upgrades it
// to a cluster. Nothing is decided here that the listener does not say.
func hboneOutcome(t *testing.T, sim *simulation.Simulation, r Request, proxy string) Outcome {
	o := Outcome{Request: r, Proxy: proxy}
	var l *listener.Listener
	for _, cand := range sim.Listeners {
		if a := cand.GetAddress().GetSocketAddress(); a.GetAddress() == "0.0.0.0" && int(a.GetPortValue()) == r.Port {
			l = cand
		}
	}
	if l == nil {
		o.Err = simulation.ErrNoListener
		return o
	}
	o.Listener = l.Name
	for _, fc := range l.GetFilterChains() {
		hcm := xdstest.ExtractHTTPConnectionManager(t, fc)
		if hcm == nil || hcm.GetRouteConfig() == nil {
			continue
		}
		for _, vh := range hcm.GetRouteConfig().GetVirtualHosts() {
			for _, rt := range vh.GetRoutes() {
				if rt.GetMatch().GetConnectMatcher() == nil {
					continue
				}
				upgrades := false
				for _, u := range rt.GetRoute().GetUpgradeConfigs() {
					upgrades = upgrades || strings.EqualFold(u.GetUpgradeType(), "CONNECT")
				}
				if !upgrades {
					continue
				}
				if fc.GetTransportSocket() == nil {
					o.Err = fmt.Errorf("listener %s matches CONNECT without TLS: not HBONE", l.Name)
					return o
				}
				o.FilterChain = fc.GetName()
				o.RouteConfig = hcm.GetRouteConfig().GetName()
				o.VirtualHost = vh.GetName()
				o.Route = rt.GetName()
				o.Cluster = rt.GetRoute().GetCluster()
				return o
			}
		}
	}
	o.Err = fmt.Errorf("listener %s does not terminate HBONE (no route upgrading CONNECT)", l.Name)
	return o
}

// describeRoute reads the matched route's action from the RDS istiod
// generated: weighted clusters, direct responses and redirects, which the
// simulator does not report itself, plus matchers it does not evaluate.
func describeRoute(sim *simulation.Simulation, o *Outcome) {
	if o.Route == "" || o.RouteConfig == "" {
		return
	}
	var rc *route.RouteConfiguration
	for _, r := range sim.Routes {
		if r.Name == o.RouteConfig {
			rc = r
		}
	}
	var vh *route.VirtualHost
	for _, v := range rc.GetVirtualHosts() {
		if v.Name == o.VirtualHost {
			vh = v
		}
	}
	var matched *route.Route
	for _, r := range vh.GetRoutes() {
		if r.Name != o.Route {
			continue
		}
		// The simulator takes the first route whose path matches; names are
		// unique in practice, the action check guards against duplicates.
		if o.Cluster != "" && r.GetRoute().GetCluster() != o.Cluster {
			continue
		}
		if o.Cluster == "" && r.GetRoute().GetCluster() != "" {
			continue
		}
		matched = r
		break
	}
	if matched == nil {
		return
	}
	if len(matched.GetMatch().GetHeaders()) > 0 || len(matched.GetMatch().GetQueryParameters()) > 0 {
		o.Notes = append(o.Notes, fmt.Sprintf("route %q also matches on headers or query parameters, "+
			"which Istio's simulator does not evaluate: it took the first route whose path matches", o.Route))
	}
	switch a := matched.GetAction().(type) {
	case *route.Route_Route:
		if wc := a.Route.GetWeightedClusters(); wc != nil {
			o.Split = map[string]uint32{}
			for _, c := range wc.GetClusters() {
				o.Split[c.GetName()] += c.GetWeight().GetValue()
			}
		}
	case *route.Route_DirectResponse:
		o.DirectResponse = a.DirectResponse.GetStatus()
	case *route.Route_Redirect:
		rd := a.Redirect
		e := &RedirectExpect{
			Scheme: rd.GetSchemeRedirect(),
			Host:   rd.GetHostRedirect(),
			Port:   rd.GetPortRedirect(),
			Path:   rd.GetPathRedirect(),
			Status: redirectStatus(rd.GetResponseCode()),
		}
		if rd.GetHttpsRedirect() {
			e.Scheme = "https"
		}
		o.Redirect = e
	}
}

func redirectStatus(c route.RedirectAction_RedirectResponseCode) uint32 {
	switch c {
	case route.RedirectAction_FOUND:
		return 302
	case route.RedirectAction_SEE_OTHER:
		return 303
	case route.RedirectAction_TEMPORARY_REDIRECT:
		return 307
	case route.RedirectAction_PERMANENT_REDIRECT:
		return 308
	default:
		return 301
	}
}

var simulatorErrors = map[string]error{
	"noListener":           simulation.ErrNoListener,
	"noFilterChain":        simulation.ErrNoFilterChain,
	"multipleFilterChains": simulation.ErrMultipleFilterChain,
	"noVirtualHost":        simulation.ErrNoVirtualHost,
	"noRoute":              simulation.ErrNoRoute,
	"tlsRedirect":          simulation.ErrTLSRedirect,
	"protocolError":        simulation.ErrProtocolError,
	"tlsError":             simulation.ErrTLSError,
	"mtlsError":            simulation.ErrMTLSError,
}

func errorKeys() []string {
	keys := make([]string, 0, len(simulatorErrors))
	for k := range simulatorErrors {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

func simulatorError(s string) (error, bool) {
	if e, ok := simulatorErrors[s]; ok {
		return e, true
	}
	for _, e := range simulatorErrors {
		if e.Error() == s {
			return e, true
		}
	}
	return nil, false
}

func describeExpect(e Expect) string {
	var main string
	switch {
	case e.Cluster != "":
		main = "routed to cluster " + e.Cluster
	case e.Passthrough != "":
		main = "forwarded at L4 to cluster " + e.Passthrough
	case e.Hbone != "":
		main = "HBONE terminated, the tunnel sent to cluster " + e.Hbone
	case len(e.Split) > 0:
		main = "split across " + formatSplit(e.Split)
	case e.NotFound:
		main = "not routed: Envoy answers 404 (no virtual host or no route)"
	case e.DirectResponse != 0:
		main = fmt.Sprintf("answered by the proxy with %d", e.DirectResponse)
	case e.Redirect != nil:
		main = fmt.Sprintf("redirected %+v", *e.Redirect)
	case e.Error != "":
		err, _ := simulatorError(e.Error)
		main = fmt.Sprintf("simulator error %q", err)
	}
	for _, kv := range [][2]string{
		{"listener", e.Listener}, {"filterChain", e.FilterChain}, {"routeConfig", e.RouteConfig},
		{"virtualHost", e.VirtualHost}, {"route", e.Route},
	} {
		if kv[1] != "" {
			main += fmt.Sprintf(", %s=%s", kv[0], kv[1])
		}
	}
	return main
}

// Compare returns "" when the outcome meets the expectation, else why not.
func Compare(e Expect, o Outcome) string {
	var why []string
	routedTo := func(want string) {
		switch {
		case o.Err != nil:
			why = append(why, fmt.Sprintf("the simulator stopped with %q", o.Err))
		case o.Cluster != want:
			if o.Cluster == "" {
				why = append(why, "no cluster was selected")
			} else {
				why = append(why, fmt.Sprintf("routed to %s", o.Cluster))
			}
		case !o.ClusterKnown:
			why = append(why, "the route points at a cluster the proxy does not have (Envoy: 503 NC)")
		}
	}
	switch {
	case e.Cluster != "":
		routedTo(e.Cluster)
	case e.Hbone != "":
		routedTo(e.Hbone)
	case e.Passthrough != "":
		routedTo(e.Passthrough)
		if len(why) == 0 && o.Route != "" {
			why = append(why, fmt.Sprintf("the proxy terminated HTTP and used route %q instead of forwarding at L4", o.Route))
		}
	case len(e.Split) > 0:
		switch {
		case o.Err != nil:
			why = append(why, fmt.Sprintf("the simulator stopped with %q", o.Err))
		case len(o.Split) == 0:
			why = append(why, "the route has no weighted clusters")
		case formatSplit(o.Split) != formatSplit(e.Split):
			why = append(why, "split is "+formatSplit(o.Split))
		case !o.ClusterKnown:
			why = append(why, "a weighted cluster is missing from the proxy's CDS (Envoy: 503 NC)")
		}
	case e.NotFound:
		notFound := errors.Is(o.Err, simulation.ErrNoVirtualHost) || errors.Is(o.Err, simulation.ErrNoRoute) ||
			(o.Err == nil && o.DirectResponse == 404)
		if !notFound {
			if o.Err != nil {
				why = append(why, fmt.Sprintf("the simulator stopped with %q, which is not a 404", o.Err))
			} else {
				why = append(why, "the request was routed")
			}
		}
	case e.DirectResponse != 0:
		if o.Err != nil {
			why = append(why, fmt.Sprintf("the simulator stopped with %q", o.Err))
		} else if o.DirectResponse != e.DirectResponse {
			why = append(why, fmt.Sprintf("direct response is %d", o.DirectResponse))
		}
	case e.Redirect != nil:
		switch {
		case o.Err != nil:
			why = append(why, fmt.Sprintf("the simulator stopped with %q", o.Err))
		case o.Redirect == nil:
			why = append(why, "the matched route does not redirect")
		default:
			w, g := e.Redirect, o.Redirect
			if (w.Scheme != "" && w.Scheme != g.Scheme) || (w.Host != "" && w.Host != g.Host) ||
				(w.Port != 0 && w.Port != g.Port) || (w.Path != "" && w.Path != g.Path) ||
				(w.Status != 0 && w.Status != g.Status) {
				why = append(why, fmt.Sprintf("redirect is %+v", *g))
			}
		}
	case e.Error != "":
		want, _ := simulatorError(e.Error)
		if !errors.Is(o.Err, want) {
			if o.Err == nil {
				why = append(why, "the simulator reported no error")
			} else {
				why = append(why, fmt.Sprintf("the simulator stopped with %q", o.Err))
			}
		}
	}
	for _, kv := range [][3]string{
		{"listener", e.Listener, o.Listener}, {"filterChain", e.FilterChain, o.FilterChain},
		{"routeConfig", e.RouteConfig, o.RouteConfig}, {"virtualHost", e.VirtualHost, o.VirtualHost},
		{"route", e.Route, o.Route},
	} {
		if kv[1] != "" && kv[1] != kv[2] {
			why = append(why, fmt.Sprintf("%s is %q, not %q", kv[0], kv[2], kv[1]))
		}
	}
	return strings.Join(why, "; ")
}

// annotateGatewayAPICRDs gives the Gateway API CRDs the fake cluster registers
// the bundle-version annotation real CRD installs carry. Without it istiod's
// CRD watcher ignores TLSRoute, TCPRoute, GRPCRoute and BackendTLSPolicy
// ("expected to have a gateway.networking.k8s.io/bundle-version annotation")
// and never converts them.
func annotateGatewayAPICRDs(c kubelib.Client) {
	fake, ok := c.Metadata().(*metadatafake.FakeMetadataClient)
	if !ok {
		return
	}
	fake.PrependReactor("*", "customresourcedefinitions", func(a k8stesting.Action) (bool, runtime.Object, error) {
		var obj runtime.Object
		switch act := a.(type) {
		case k8stesting.CreateAction:
			obj = act.GetObject()
		case k8stesting.UpdateAction:
			obj = act.GetObject()
		default:
			return false, nil, nil
		}
		crd, ok := obj.(*metav1.PartialObjectMetadata)
		if !ok || !strings.HasSuffix(crd.Name, ".gateway.networking.k8s.io") {
			return false, nil, nil
		}
		if crd.Annotations == nil {
			crd.Annotations = map[string]string{}
		}
		if _, set := crd.Annotations[gatewayconsts.BundleVersionAnnotation]; !set {
			crd.Annotations[gatewayconsts.BundleVersionAnnotation] = gatewayconsts.BundleVersion // the Gateway API Istio is built with
		}
		return false, nil, nil
	})
}
