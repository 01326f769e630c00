/*
 * The Pod Security Standards' "restricted" profile (which includes "baseline"), as the Kubernetes
 * documentation lists its controls (https://kubernetes.io/docs/concepts/security/pod-security-standards/),
 * checked on a pod spec as the PodSecurity admission controller (policy version "latest") would.
 */

/** The sysctls baseline allows (the safe set, up to Kubernetes 1.32). */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
]);

/** The capabilities baseline lets a container add. */
const BASELINE_CAPABILITIES = new Set([
  'AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE',
  'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT',
]);

/** The volume types restricted allows. */
const RESTRICTED_VOLUMES = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'persistentVolumeClaim', 'projected', 'secret']);

/** The SELinux types baseline allows. */
const SELINUX_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

/**
 * Every way `pod` (a PodSpec) breaks the restricted profile, one line each; [] when it passes.
 */
export function restrictedViolations(pod: any): string[] {
  const problems: string[] = [];
  const podContext = pod.securityContext ?? {};
  const containers: any[] = [...(pod.initContainers ?? []), ...(pod.containers ?? []), ...(pod.ephemeralContainers ?? [])];
  const each = (what: string, test: (c: any) => boolean) => {
    for (const c of containers) if (!test(c)) problems.push(`container ${c.name}: ${what}`);
  };

  // Baseline.
  if (podContext.windowsOptions?.hostProcess) problems.push('pod: hostProcess');
  each('hostProcess', (c) => !c.securityContext?.windowsOptions?.hostProcess);
  for (const field of ['hostNetwork', 'hostPID', 'hostIPC']) if (pod[field]) problems.push(`pod: ${field}`);
  each('privileged', (c) => !c.securityContext?.privileged);
  each('capabilities added beyond the baseline set', (c) => (c.securityContext?.capabilities?.add ?? []).every((cap: string) => BASELINE_CAPABILITIES.has(cap)));
  for (const volume of pod.volumes ?? []) if (volume.hostPath) problems.push(`volume ${volume.name}: hostPath`);
  each('hostPort', (c) => (c.ports ?? []).every((p: any) => !p.hostPort));
  const appArmorOk = (profile: any) => !profile || profile.type !== 'Unconfined';
  if (!appArmorOk(podContext.appArmorProfile)) problems.push('pod: AppArmor Unconfined');
  each('AppArmor Unconfined', (c) => appArmorOk(c.securityContext?.appArmorProfile));
  const seLinuxOk = (options: any) => !options || (SELINUX_TYPES.has(options.type ?? '') && !options.user && !options.role);
  if (!seLinuxOk(podContext.seLinuxOptions)) problems.push('pod: SELinux options');
  each('SELinux options', (c) => seLinuxOk(c.securityContext?.seLinuxOptions));
  each('procMount other than Default', (c) => [undefined, 'Default'].includes(c.securityContext?.procMount));
  for (const sysctl of podContext.sysctls ?? []) if (!SAFE_SYSCTLS.has(sysctl.name)) problems.push(`pod: unsafe sysctl ${sysctl.name}`);

  // Restricted.
  for (const volume of pod.volumes ?? []) {
    const types = Object.keys(volume).filter((k) => k !== 'name');
    if (!types.every((t) => RESTRICTED_VOLUMES.has(t))) problems.push(`volume ${volume.name}: type ${types.join(', ')}`);
  }
  each('allowPrivilegeEscalation is not false', (c) => c.securityContext?.allowPrivilegeEscalation === false);
  const nonRoot = (c: any) => c.securityContext?.runAsNonRoot ?? podContext.runAsNonRoot;
  each('runAsNonRoot is not true (pod or container)', (c) => nonRoot(c) === true);
  if (podContext.runAsUser === 0) problems.push('pod: runAsUser 0');
  each('runAsUser 0', (c) => c.securityContext?.runAsUser !== 0);
  const seccompOk = (profile: any) => profile && ['RuntimeDefault', 'Localhost'].includes(profile.type);
  if (podContext.seccompProfile && !seccompOk(podContext.seccompProfile)) problems.push('pod: seccompProfile Unconfined');
  each('seccompProfile not RuntimeDefault or Localhost (pod or container)', (c) =>
    c.securityContext?.seccompProfile ? seccompOk(c.securityContext.seccompProfile) : seccompOk(podContext.seccompProfile),
  );
  each('capabilities do not drop ALL', (c) => (c.securityContext?.capabilities?.drop ?? []).includes('ALL'));
  each('capabilities added other than NET_BIND_SERVICE', (c) => (c.securityContext?.capabilities?.add ?? []).every((cap: string) => cap === 'NET_BIND_SERVICE'));
  return problems;
}

/** Every pod spec among `objects`: of Pods and of the pod templates of workload kinds. */
export function podSpecsOf(objects: any[]): Array<{ name: string; spec: any }> {
  const specs: Array<{ name: string; spec: any }> = [];
  for (const o of objects) {
    const name = `${o.kind}/${o.metadata?.namespace}/${o.metadata?.name}`;
    if (o.kind === 'Pod') specs.push({ name, spec: o.spec });
    else if (o.kind === 'CronJob') specs.push({ name, spec: o.spec?.jobTemplate?.spec?.template?.spec });
    else if (o.spec?.template?.spec) specs.push({ name, spec: o.spec.template.spec });
  }
  return specs;
}
