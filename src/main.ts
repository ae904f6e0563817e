// The service's entry, unbundled: `node dist/src/main.js`, or tsx in tests. Production (`npm start`,
// `npm run serve`, the Docker image) runs the same `serve()` from the bundle, dist/service/main.js.
import { serve } from './serve';

serve();
