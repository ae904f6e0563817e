/**
 * Where tests pick the ports their servers listen on: below Linux's ephemeral range (32768-60999 by
 * default, /proc/sys/net/ipv4/ip_local_port_range), from which the kernel takes the local ports of
 * outgoing connections and of `listen(0)`. A random pick inside that range can meet a port another
 * test's connection holds at that moment, and the start fails with EADDRINUSE. Each kind of server
 * has its own band, so two tests' picks cannot meet either.
 */
const BANDS = {
  /** The services `test/lifecycle/` starts (PORT). */
  service: [20_000, 25_000],
  /** Their embedded PostgreSQL servers (EMBEDDED_POSTGRES_PORT). */
  servicePostgres: [25_000, 28_000],
  /** The PostgreSQL server the whole test run shares (global-setup). */
  testRunPostgres: [28_000, 29_000],
  /** The embedded servers `test/foundation/embedded-database` starts on its own. */
  embeddedPostgres: [29_000, 32_700],
} as const;

/** A random port in `band`'s range [from, to). */
export function aListeningPort(band: keyof typeof BANDS): number {
  const [from, to] = BANDS[band];
  return from + Math.floor(Math.random() * (to - from));
}
