import { Duration } from 'cdk8s';

/**
 * Formats a duration as both Istio (protobuf Duration) and the Gateway API (GEP-2257) accept it:
 * whole seconds as `Ns`, anything else as whole milliseconds `Nms`.
 *
 * @internal
 */
export function formatDuration(duration: Duration): string {
  const ms = duration.toMilliseconds();
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}
