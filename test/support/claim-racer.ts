// A process that claims a data directory at an agreed instant, for the claim race tests:
//   node --import tsx test/support/claim-racer.ts <dataDir> <startAtEpochMs>
// Prints {"pid":..,"won":true} or {"pid":..,"won":false,"error":"..."}; a won claim is held until
// the racer's stdin closes, so a racer that starts late (a loaded machine) still meets it held.
import { claimDataDirectory } from '../../src/shared/database/embedded/data-directory-claim';

const [dataDir, startAt] = process.argv.slice(2);
while (Date.now() < Number(startAt)) {
  // spin until the agreed instant, so the racers really race
}
try {
  const claim = claimDataDirectory(dataDir, { purpose: 'service', port: 1 });
  console.log(JSON.stringify({ pid: process.pid, won: true }));
  process.stdin.on('end', () => claim.release()).resume();
} catch (error) {
  console.log(JSON.stringify({ pid: process.pid, won: false, error: (error as Error).message }));
}
