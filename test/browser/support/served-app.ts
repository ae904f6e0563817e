import { createServer } from 'node:net';
import { startTestApp, type TestApp } from '../../support/test-app';

/** A port nobody listens on right now. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ServedApp extends TestApp {
  /** `http://localhost:<port>`: where the browser finds it, and its PUBLIC_BASE_URL. */
  baseUrl: string;
}

/** The real application listening on a real port, with the test clock and a fresh database. */
export async function startServedApp(now: string, env: Record<string, string> = {}): Promise<ServedApp> {
  const port = await freePort();
  const baseUrl = `http://localhost:${port}`;
  const service = await startTestApp({ now, env: { PUBLIC_BASE_URL: baseUrl, ...env } });
  try {
    await service.app.listen({ port, host: 'localhost' });
  } catch (error) {
    await service.close();
    throw error;
  }
  return { ...service, baseUrl };
}
