/** A bare Fastify route on the same machine as the API, so load figures can be read as a ratio. */
import Fastify from 'fastify';
import { scriptEnv } from './env';

const app = Fastify({ logger: false });
app.get('/bare', async () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: scriptEnv().BARE_PORT });
const stop = () => void app.close().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
