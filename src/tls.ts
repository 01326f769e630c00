import { carry, checkArg, checkOptions, enumOf, InputProblems, list, optional, required, Shape, str } from './validation/input-shape';

/**
 * How a gateway server terminates or passes TLS.
 */
export enum TlsMode {
  /** Terminate TLS with the server's certificate. */
  SIMPLE = 'SIMPLE',
  /** Terminate TLS and require a client certificate signed by the credential's CA. */
  MUTUAL = 'MUTUAL',
  /** Terminate TLS and verify a client certificate when one is presented. */
  OPTIONAL_MUTUAL = 'OPTIONAL_MUTUAL',
  /** Do not terminate: route the encrypted stream by SNI. */
  PASSTHROUGH = 'PASSTHROUGH',
}

/**
 * TLS protocol versions.
 */
export enum TlsVersion {
  /** TLS 1.2 */
  TLS_V1_2 = 'TLSV1_2',
  /** TLS 1.3 */
  TLS_V1_3 = 'TLSV1_3',
}

/**
 * Options shared by every terminating TLS mode.
 */
export interface ServerTlsOptions {
  /**
   * The lowest TLS version the server accepts.
   * @default TlsVersion.TLS_V1_2
   */
  readonly minProtocolVersion?: TlsVersion;

  /**
   * Cipher suites the server offers (OpenSSL names), in order of preference.
   * @default - Envoy's defaults
   */
  readonly cipherSuites?: string[];
}

/**
 * Options for mutual TLS.
 */
export interface MutualServerTlsOptions extends ServerTlsOptions {
  /**
   * Subject alternative names a client certificate must carry (any of them).
   * @default - any client certificate signed by the CA
   */
  readonly subjectAltNames?: string[];
}

const CREDENTIAL = required(str('my-cert'), '', 'give the name of the Secret that holds the certificate, like "my-cert"');
const SIMPLE_SHAPE: Shape<MutualServerTlsOptions> = {
  minProtocolVersion: optional(enumOf(TlsVersion, 'TlsVersion')),
  cipherSuites: optional(list(str('ECDHE-ECDSA-AES256-GCM-SHA384'), '["ECDHE-ECDSA-AES256-GCM-SHA384"]')),
  subjectAltNames: optional(list(str('spiffe://cluster.local/ns/default/sa/client'), '["client.example.com"]')),
};
const MUTUAL_SHAPE = SIMPLE_SHAPE;

/**
 * TLS settings of a terminating gateway server.
 */
export class ServerTls {
  /**
   * Terminate TLS with the certificate and key of the Secret `credentialName` (in the namespace of
   * the gateway workload).
   */
  public static simple(credentialName: string, options: ServerTlsOptions = {}): ServerTls {
    return ServerTls.make(TlsMode.SIMPLE, credentialName, options);
  }

  /**
   * Terminate TLS and require client certificates verified against the CA (`ca.crt`) in the Secret
   * `credentialName`.
   */
  public static mutual(credentialName: string, options: MutualServerTlsOptions = {}): ServerTls {
    return ServerTls.make(TlsMode.MUTUAL, credentialName, options);
  }

  /**
   * Terminate TLS and verify a client certificate when the client presents one.
   */
  public static optionalMutual(credentialName: string, options: MutualServerTlsOptions = {}): ServerTls {
    return ServerTls.make(TlsMode.OPTIONAL_MUTUAL, credentialName, options);
  }

  private static make(mode: TlsMode, credentialName: string, options: MutualServerTlsOptions): ServerTls {
    const out: InputProblems = [];
    const name = checkArg(CREDENTIAL, credentialName, 'credentialName', out);
    const o = checkOptions(mode === TlsMode.SIMPLE ? SIMPLE_SHAPE : MUTUAL_SHAPE, options, out, '{ minProtocolVersion: TlsVersion.TLS_V1_3 }');
    return carry(new ServerTls(mode, name, o), out);
  }

  /** The minimum TLS version. */
  public readonly minProtocolVersion: TlsVersion;
  /** The cipher suites, when set. */
  public readonly cipherSuites?: string[];
  /** The required client subject alternative names, when set. */
  public readonly subjectAltNames?: string[];

  private constructor(
    /** The TLS mode. */
    public readonly mode: TlsMode,
    /** The Secret that holds the server's certificate (and CA for mutual modes). */
    public readonly credentialName: string,
    options: MutualServerTlsOptions,
  ) {
    this.minProtocolVersion = options.minProtocolVersion ?? TlsVersion.TLS_V1_2;
    this.cipherSuites = options.cipherSuites;
    this.subjectAltNames = options.subjectAltNames;
  }
}
