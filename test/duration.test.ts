import { Duration } from 'cdk8s';
import { formatDuration, formatGatewayApiDuration } from '../src/duration';

test.each([
  [Duration.millis(1), '1ms', '1ms'],
  [Duration.millis(2500), '2500ms', '2s500ms'],
  [Duration.seconds(5), '5s', '5s'],
  [Duration.millis(100_001), '100001ms', '1m40s1ms'],
  [Duration.hours(30), '108000s', '30h'],
])('%s is %s for Istio and %s for the Gateway API (at most five digits a unit)', (d, istio, gatewayApi) => {
  expect(formatDuration(d)).toBe(istio);
  expect(formatGatewayApiDuration(d)).toBe(gatewayApi);
  expect(gatewayApi).toMatch(/^([0-9]{1,5}(h|m|s|ms)){1,4}$/);
});
