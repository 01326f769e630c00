import { Duration } from 'cdk8s';

/**
 * Formats a duration for Istio (protobuf Duration): whole seconds as `Ns`, anything else as whole
 * milliseconds `Nms`.
 *
 * @internal
 */
export function formatDuration(duration: Duration): string {
  const ms = duration.toMilliseconds();
  return ms % 1000 === 0 ? `${ms / 1000}s` : `${ms}ms`;
}

/**
 * Formats a duration as the Gateway API's Duration (GEP-2257): up to four `<number><unit>` parts of
 * at most five digits each, units h, m, s, ms (`1h30m`, `2500ms` → `2s500ms`).
 *
 * @internal
 */
export function formatGatewayApiDuration(duration: Duration): string {
  let ms = duration.toMilliseconds();
  if (ms === 0) return '0s';
  const parts: string[] = [];
  for (const [unit, size] of [['h', 3_600_000], ['m', 60_000], ['s', 1000], ['ms', 1]] as const) {
    const n = Math.floor(ms / size);
    ms -= n * size;
    if (n > 0) parts.push(`${n}${unit}`);
  }
  return parts.join('');
}
