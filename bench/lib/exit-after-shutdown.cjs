// Preloaded into the service only when the bench profiles it (--cpu-prof). Nest's shutdown hook
// closes the app on SIGTERM and then re-raises the signal; dying by a signal would lose the CPU
// profile, so the re-raised signal ends the process with process.exit instead.
let signals = 0;
process.on('SIGTERM', () => {
  signals += 1;
  if (signals > 1) process.exit(0);
});
