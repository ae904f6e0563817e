/** Stops the embedded cluster started by the global setup and removes its folder, whatever the suites' outcome. */
export default async function globalTeardown(): Promise<void> {
  const stop = (globalThis as { stopTestDatabase?: () => Promise<void> }).stopTestDatabase;
  await stop?.();
}
