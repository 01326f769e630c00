package simulation

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync/atomic"
	"time"

	corev1 "k8s.io/api/core/v1"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/util/intstr"
	kubeyaml "k8s.io/apimachinery/pkg/util/yaml"
	"sigs.k8s.io/yaml"

	"istio.io/istio/pilot/pkg/config/kube/crd"
	"istio.io/istio/pkg/config"
	kubelib "istio.io/istio/pkg/kube"
)

// TableFile is the routing table's file name; it is never loaded as a manifest.
const TableFile = "routing.yaml"

// Manifests is an example's synthesized YAML, sorted the way Istio's fake
// discovery server takes it.
type Manifests struct {
	// Configs are Istio API resources (networking/security/telemetry/extensions.istio.io).
	// They go to the discovery server's config store, as istiod's CRD client would
	// deliver them, after Istio's own validation (crd.ParseInputs).
	Configs []config.Config
	// Objects are Kubernetes objects (core, apps, gateway.networking.k8s.io, ...)
	// for the fake Kubernetes client: istiod's service registry reads Services,
	// Pods and EndpointSlices from it and its Gateway API controller converts the
	// gateway.networking.k8s.io objects.
	Objects []runtime.Object
	// Ignored lists documents Istio does not read, with the reason.
	Ignored []string
	// Files are the files loaded.
	Files []string
}

var istioGroups = map[string]bool{
	"networking.istio.io": true,
	"security.istio.io":   true,
	"telemetry.istio.io":  true,
	"extensions.istio.io": true,
}

// apiServerReaders are the Istio API kinds that parts of istiod read from the
// Kubernetes API server through their own informers rather than from the
// config store. In a cluster both see the same object; here such a resource is
// given to the config store and to the fake Kubernetes client alike. istiod's
// Gateway API controller looks up a route's ServiceEntry parent (a GAMMA-style
// mesh route, e.g. the mesh leg of an egress route) in its ServiceEntries
// informer (pilot/pkg/config/kube/gateway: referenceAllowed, and the
// VirtualService hosts taken from the ServiceEntry); without the ServiceEntry
// there the parent is "not found", the route never attaches to the mesh and a
// sidecar sends the traffic straight to the external host.
var apiServerReaders = map[string]bool{
	"ServiceEntry": true,
}

// LoadManifests reads every *.yaml, *.yml and *.json file directly in dir
// (except the routing table).
func LoadManifests(dir string) (*Manifests, error) {
	st, err := os.Stat(dir)
	if err != nil {
		return nil, err
	}
	if !st.IsDir() {
		return nil, fmt.Errorf("%s is not a directory", dir)
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return nil, err
	}
	m := &Manifests{}
	var istioDocs []string
	for _, e := range entries {
		name := e.Name()
		ext := strings.ToLower(filepath.Ext(name))
		if e.IsDir() || name == TableFile || (ext != ".yaml" && ext != ".yml" && ext != ".json") {
			continue
		}
		path := filepath.Join(dir, name)
		m.Files = append(m.Files, path)
		docs, err := splitDocuments(path)
		if err != nil {
			return nil, err
		}
		for i, doc := range docs {
			where := fmt.Sprintf("%s document %d", name, i+1)
			var meta struct {
				APIVersion string `json:"apiVersion"`
				Kind       string `json:"kind"`
				Metadata   struct {
					Name string `json:"name"`
				} `json:"metadata"`
			}
			if err := yaml.Unmarshal(doc, &meta); err != nil {
				return nil, fmt.Errorf("%s: %v", where, err)
			}
			if meta.APIVersion == "" && meta.Kind == "" {
				continue // empty document
			}
			if meta.APIVersion == "" || meta.Kind == "" {
				return nil, fmt.Errorf("%s: apiVersion and kind are required", where)
			}
			id := fmt.Sprintf("%s %s/%s", where, meta.Kind, meta.Metadata.Name)
			group := ""
			if i := strings.Index(meta.APIVersion, "/"); i >= 0 {
				group = meta.APIVersion[:i]
			}
			if istioGroups[group] {
				istioDocs = append(istioDocs, string(doc))
				if apiServerReaders[meta.Kind] {
					obj, _, err := kubelib.IstioCodec.UniversalDeserializer().Decode(doc, nil, nil)
					if err != nil {
						return nil, fmt.Errorf("%s: %v", id, err)
					}
					m.Objects = append(m.Objects, obj)
				}
				continue
			}
			obj, _, err := kubelib.IstioCodec.UniversalDeserializer().Decode(doc, nil, nil)
			if err != nil {
				if runtime.IsNotRegisteredError(err) {
					m.Ignored = append(m.Ignored, fmt.Sprintf("%s (%s): not a kind istiod reads", id, meta.APIVersion))
					continue
				}
				return nil, fmt.Errorf("%s: %v", id, err)
			}
			if svc, ok := obj.(*corev1.Service); ok {
				defaultService(svc)
			}
			m.Objects = append(m.Objects, obj)
		}
	}
	if len(m.Files) == 0 {
		return nil, fmt.Errorf("%s holds no .yaml/.yml/.json manifests", dir)
	}
	if len(istioDocs) > 0 {
		configs, others, err := crd.ParseInputs(strings.Join(istioDocs, "\n---\n"))
		if err != nil {
			return nil, fmt.Errorf("Istio rejects the Istio API resources: %v", err)
		}
		for _, o := range others {
			m.Ignored = append(m.Ignored, fmt.Sprintf("%s %s/%s: not a kind istiod's config store holds", o.APIVersion, o.Kind, o.Name))
		}
		now := time.Now()
		for _, c := range configs {
			if c.Namespace == "" {
				c.Namespace = "default"
			}
			if c.CreationTimestamp.IsZero() {
				c.CreationTimestamp = now
			}
			m.Configs = append(m.Configs, c)
		}
	}
	m.addNamespaces()
	return m, nil
}

func splitDocuments(path string) ([][]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out [][]byte
	r := kubeyaml.NewYAMLReader(bufio.NewReader(f))
	for {
		doc, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %v", path, err)
		}
		if len(bytes.TrimSpace(doc)) > 0 {
			out = append(out, doc)
		}
	}
}

// addNamespaces adds a Namespace object for every namespace used but not
// declared, as a cluster would have it.
func (m *Manifests) addNamespaces() {
	have := map[string]bool{}
	want := map[string]bool{"default": true, "istio-system": true}
	for _, o := range m.Objects {
		if ns, ok := o.(*corev1.Namespace); ok {
			have[ns.Name] = true
			continue
		}
		if acc, ok := o.(metav1.Object); ok && acc.GetNamespace() != "" {
			want[acc.GetNamespace()] = true
		}
	}
	for _, c := range m.Configs {
		want[c.Namespace] = true
	}
	names := make([]string, 0, len(want))
	for n := range want {
		if !have[n] {
			names = append(names, n)
		}
	}
	sort.Strings(names)
	for _, n := range names {
		m.Objects = append(m.Objects, &corev1.Namespace{
			TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Namespace"},
			ObjectMeta: metav1.ObjectMeta{Name: n},
		})
	}
}

// serviceObject turns a table's ServiceSpec into a Service as the API server
// would store it (targetPort and protocol defaulted).
func serviceObject(s ServiceSpec) *corev1.Service {
	ns := s.Namespace
	if ns == "" {
		ns = "default"
	}
	svc := &corev1.Service{
		TypeMeta:   metav1.TypeMeta{APIVersion: "v1", Kind: "Service"},
		ObjectMeta: metav1.ObjectMeta{Name: s.Name, Namespace: ns, Labels: s.Labels},
		Spec:       corev1.ServiceSpec{Selector: s.Selector},
	}
	for _, p := range s.Ports {
		sp := corev1.ServicePort{
			Name:       p.Name,
			Port:       p.Port,
			TargetPort: intstr.FromInt32(p.TargetPort),
			Protocol:   corev1.Protocol(p.Protocol),
		}
		if p.AppProtocol != "" {
			ap := p.AppProtocol
			sp.AppProtocol = &ap
		}
		svc.Spec.Ports = append(svc.Spec.Ports, sp)
	}
	defaultService(svc)
	return svc
}

// nextClusterIP hands out service addresses the way the API server's allocator would.
var nextClusterIP atomic.Int32

// defaultService applies the API server's defaults that istiod relies on:
// type ClusterIP, protocol TCP, targetPort = port and an allocated cluster IP.
func defaultService(svc *corev1.Service) {
	if svc.Spec.Type == "" {
		svc.Spec.Type = corev1.ServiceTypeClusterIP
	}
	if svc.Spec.ClusterIP == "" && svc.Spec.Type != corev1.ServiceTypeExternalName {
		n := nextClusterIP.Add(1)
		svc.Spec.ClusterIP = fmt.Sprintf("10.96.%d.%d", n/250, n%250+1)
		svc.Spec.ClusterIPs = []string{svc.Spec.ClusterIP}
	}
	for i := range svc.Spec.Ports {
		p := &svc.Spec.Ports[i]
		if p.Protocol == "" {
			p.Protocol = corev1.ProtocolTCP
		}
		if p.TargetPort.Type == intstr.Int && p.TargetPort.IntVal == 0 {
			p.TargetPort = intstr.FromInt32(p.Port)
		}
	}
}
