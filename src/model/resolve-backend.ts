import { Backend } from '../backend';
import { serviceHost } from '../namespace';
import { ResolvedBackend } from './route';

/** A backend with its namespace (the route's unless given) and fully qualified host. */
export function resolveBackend(backend: Backend, routeNamespace: string): ResolvedBackend {
  const namespace = backend.namespace ?? routeNamespace;
  return {
    serviceName: backend.serviceName,
    namespace,
    host: serviceHost(backend.serviceName, namespace),
    port: backend.port,
    subset: backend.subset,
    weight: backend.weight,
  };
}
