// One HTTP load loop (autocannon) for the phases: fixed connections for a fixed time, every answer
// must have the expected status, and the latencies are summarised from every response.
import autocannon from 'autocannon';
import { latencySummary } from './stats.mjs';

/**
 * @param {{ connections: number, seconds: number, method: string, path?: string,
 *           setupRequest: (request: object) => object, expectedStatus: number, what: string,
 *           headers?: Record<string, string> }} options
 */
export async function loadTest(
  ctx,
  { connections, seconds, method, path, setupRequest, expectedStatus, what, headers = {} },
) {
  const latencies = [];
  const cpuAtStart = process.cpuUsage();
  const instance = autocannon({
    url: ctx.service.baseUrl,
    connections,
    duration: seconds,
    timeout: 30,
    headers: { authorization: `Bearer ${ctx.apiKey}`, ...headers },
    requests: [{ method, ...(path ? { path } : {}), setupRequest }],
  });
  instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  const cpu = process.cpuUsage(cpuAtStart);
  const expected = String(expectedStatus);
  const others = Object.entries(result.statusCodeStats).filter(([status]) => status !== expected);
  if (others.length > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(
      `${what}: statuses ${JSON.stringify(result.statusCodeStats)}, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  }
  const answered = result.statusCodeStats[expected]?.count ?? 0;
  return {
    answered,
    seconds: result.duration,
    perSecond: answered / result.duration,
    latencyMs: latencySummary(latencies),
    // The load generator runs on the same two cores as the service: its own share of them.
    clientCpuShare: (cpu.user + cpu.system) / 1e6 / (result.duration * 2),
  };
}
