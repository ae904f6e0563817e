// A minimal JSON client on node:http: keep-alive, an explicit timeout per request (the monthly run
// answers only when it is done, which can take minutes), no retries.
import http from 'node:http';

const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });

export function closeHttpAgent() {
  agent.destroy();
}

/**
 * @returns {Promise<{ status: number, json: any, text: string, ms: number }>}
 */
export function request(baseUrl, method, path, { body, apiKey, timeoutMs = 60_000 } = {}) {
  const payload = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const headers = {};
  if (apiKey) headers.authorization = `Bearer ${apiKey}`;
  if (payload !== undefined) {
    headers['content-type'] = 'application/json';
    headers['content-length'] = Buffer.byteLength(payload);
  }
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(new URL(path, baseUrl), { method, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let json = null;
        try {
          json = text ? JSON.parse(text) : null;
        } catch {
          // not JSON: callers look at status and text
        }
        resolve({ status: res.statusCode, json, text, ms: performance.now() - started });
      });
    });
    req.setTimeout(timeoutMs, () =>
      req.destroy(new Error(`${method} ${path}: no answer in ${timeoutMs} ms`)),
    );
    req.on('error', reject);
    req.end(payload);
  });
}

/** Throws with the status and the start of the body when `status` is not the expected one. */
export function expectStatus(response, expected, what) {
  if (response.status !== expected) {
    throw new Error(`${what}: expected ${expected}, got ${response.status}: ${response.text.slice(0, 300)}`);
  }
  return response.json;
}
