/** cdk8s-plus-33 (Kubernetes L1 classes) is loaded only by an app that writes a Kubernetes object. */
test('cdk8s-plus-33 is loaded on first use', () => {
  let loads = 0;
  jest.isolateModules(() => {
    jest.doMock('cdk8s-plus-33', () => {
      loads++;
      return jest.requireActual('cdk8s-plus-33');
    });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const lib: typeof import('../src') = require('../src');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { App, Chart }: typeof import('cdk8s') = require('cdk8s'); // the same module registry as the library's
    const chart = new Chart(new App(), 'c', { namespace: 'default' });
    const gateway = new lib.IngressGateway(chart, 'gw', { listeners: [lib.GatewayListener.http({ hosts: ['a.example.com'] })] });
    gateway.addHttpRoute('r', { hosts: ['a.example.com'], rules: [{ action: lib.HttpRouteAction.forwardTo('a', { port: 80 }) }] });
    chart.toJson();
    expect(loads).toBe(0);

    new lib.IngressGateway(chart, 'deployed', { listeners: [lib.GatewayListener.http({ hosts: ['b.example.com'] })], workload: {} });
    expect(loads).toBe(1);
    expect(chart.toJson().map((o: any) => o.kind)).toContain('Deployment');
  });
});
