package simulation

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"time"

	appsv1 "k8s.io/api/apps/v1"
	corev1 "k8s.io/api/core/v1"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/types"
	kubeversion "k8s.io/apimachinery/pkg/version"
	fakediscovery "k8s.io/client-go/discovery/fake"
	dynamicfake "k8s.io/client-go/dynamic/fake"
	k8stesting "k8s.io/client-go/testing"
	gatewayv1 "sigs.k8s.io/gateway-api/apis/v1"

	"istio.io/istio/pilot/pkg/config/kube/gatewaycommon"
	"istio.io/istio/pilot/pkg/model"
	"istio.io/istio/pkg/cluster"
	"istio.io/istio/pkg/config/mesh"
	"istio.io/istio/pkg/config/mesh/meshwatcher"
	kubelib "istio.io/istio/pkg/kube"
	"istio.io/istio/pkg/kube/inject"
	"istio.io/istio/pkg/revisions"
)

// GatewayDeployment is what istiod's deployment controller creates for a
// Kubernetes Gateway it manages: the gateway's Service, Deployment and
// ServiceAccount, rendered from Istio's kube-gateway template.
type GatewayDeployment struct {
	Gateway    types.NamespacedName
	Service    *corev1.Service
	Deployment *appsv1.Deployment
	Objects    []runtime.Object
}

var istioSource = sync.OnceValues(func() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}", "istio.io/istio").Output()
	if err != nil {
		if ee, ok := err.(*exec.ExitError); ok {
			err = fmt.Errorf("%v: %s", err, ee.Stderr)
		}
		return "", fmt.Errorf("locating the istio.io/istio module: %v", err)
	}
	return strings.TrimSpace(string(out)), nil
})

// IstioVersion is the VERSION file of the istio.io/istio module in use ("1.31").
func IstioVersion() (string, error) {
	dir, err := istioSource()
	if err != nil {
		return "", err
	}
	b, err := os.ReadFile(filepath.Join(dir, "VERSION"))
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(b)), nil
}

var gatewayTemplates = sync.OnceValues(func() (inject.Templates, error) {
	dir, err := istioSource()
	if err != nil {
		return nil, err
	}
	raw := inject.RawTemplates{}
	for _, name := range []string{"kube-gateway", "waypoint"} {
		b, err := os.ReadFile(filepath.Join(dir, "manifests/charts/istio-control/istio-discovery/files", name+".yaml"))
		if err != nil {
			return nil, err
		}
		raw[name] = string(b)
	}
	return inject.ParseTemplates(raw)
})

// RenderGatewayDeployments runs Istio's Gateway deployment controller
// (gatewaycommon.DeploymentController) over objects and returns what it would
// apply to the cluster for each managed Gateway it reconciles.
func RenderGatewayDeployments(objects []runtime.Object) ([]GatewayDeployment, error) {
	var gateways []*gatewayv1.Gateway
	for _, o := range objects {
		if gw, ok := o.(*gatewayv1.Gateway); ok {
			gateways = append(gateways, gw)
		}
	}
	if len(gateways) == 0 {
		return nil, nil
	}
	tmpl, err := gatewayTemplates()
	if err != nil {
		return nil, fmt.Errorf("loading Istio's kube-gateway template: %v", err)
	}
	values, err := inject.NewValuesConfig("global:\n  hub: istio\n  tag: simulation\n")
	if err != nil {
		return nil, err
	}

	copies := make([]runtime.Object, 0, len(objects))
	for _, o := range objects {
		copies = append(copies, o.DeepCopyObject())
	}
	client := kubelib.NewFakeClient(copies...)
	client.Kube().Discovery().(*fakediscovery.FakeDiscovery).FakedServerVersion = &kubeversion.Info{Major: "1", Minor: "33", GitVersion: "v1.33.0"}

	// The controller server-side applies what it renders; record each apply.
	var mu sync.Mutex
	applied := map[types.NamespacedName][]runtime.Object{}
	client.Dynamic().(*dynamicfake.FakeDynamicClient).PrependReactor("patch", "*",
		func(action k8stesting.Action) (bool, runtime.Object, error) {
			pa := action.(k8stesting.PatchAction)
			if pa.GetSubresource() != "" || pa.GetResource().Resource == "gateways" {
				return true, nil, nil // status and the controller-version annotation
			}
			obj, _, err := kubelib.IstioCodec.UniversalDeserializer().Decode(pa.GetPatch(), nil, nil)
			if err != nil {
				return true, nil, fmt.Errorf("decoding applied %s: %v", pa.GetResource().Resource, err)
			}
			mu.Lock()
			defer mu.Unlock()
			key := types.NamespacedName{Namespace: pa.GetNamespace(), Name: pa.GetName()}
			applied[key] = append(applied[key], obj)
			// The controller ignores the patched object; returning none keeps the
			// fake dynamic client from converting it with its minimal scheme.
			return true, nil, nil
		})

	env := model.NewEnvironment()
	env.Watcher = meshwatcher.NewTestWatcher(mesh.DefaultMeshConfig())
	env.PushContext().InitDone.Store(true)
	stop := make(chan struct{})
	defer close(stop)
	tw := revisions.NewTagWatcher(client, "", "istio-system")
	go tw.Run(stop)
	dc := gatewaycommon.NewDeploymentController(client, cluster.ID("Kubernetes"), env,
		func() inject.WebhookConfig {
			return inject.WebhookConfig{Templates: tmpl, Values: values, MeshConfig: mesh.DefaultMeshConfig()}
		},
		func(func()) {}, tw, "", "istio-system")
	client.RunAndWait(stop)
	if !kubelib.WaitForCacheSync("gateway deployment", stop, tw.HasSynced) {
		return nil, fmt.Errorf("tag watcher did not sync")
	}

	var out []GatewayDeployment
	for _, gw := range gateways {
		key := types.NamespacedName{Namespace: gw.Namespace, Name: gw.Name}
		if err := reconcileWithRetry(dc, key); err != nil {
			return nil, fmt.Errorf("Istio's deployment controller failed for Gateway %s: %v", key, err)
		}
	}
	mu.Lock()
	defer mu.Unlock()
	for _, gw := range gateways {
		gd := GatewayDeployment{Gateway: types.NamespacedName{Namespace: gw.Namespace, Name: gw.Name}}
		for _, objs := range applied {
			for _, o := range objs {
				owned := false
				if acc, ok := o.(interface {
					GetNamespace() string
					GetLabels() map[string]string
				}); ok {
					owned = acc.GetNamespace() == gw.Namespace && acc.GetLabels()["gateway.networking.k8s.io/gateway-name"] == gw.Name
				}
				if !owned {
					continue
				}
				switch v := o.(type) {
				case *corev1.Service:
					defaultService(v)
					gd.Service = v
				case *appsv1.Deployment:
					gd.Deployment = v
				}
				gd.Objects = append(gd.Objects, o)
			}
		}
		if gd.Deployment != nil || gd.Service != nil {
			out = append(out, gd)
		}
	}
	return out, nil
}

func reconcileWithRetry(dc *gatewaycommon.DeploymentController, key types.NamespacedName) error {
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	var err error
	for ctx.Err() == nil {
		if err = dc.Reconcile(key); err == nil {
			return nil
		}
		time.Sleep(50 * time.Millisecond)
	}
	return err
}
