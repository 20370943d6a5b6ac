/**
 * `npm start`: the demo in Vite's dev server, in this process (no child
 * process is left behind: stopping this PID, or the npm process that runs
 * it, closes the server), on 127.0.0.1 at PORT (default 5173). A port already taken is named
 * and start exits 1: it never moves to another port silently. `--no-open`
 * leaves the browser closed.
 */
import { createServer as createNetServer } from 'node:net';
import { createServer } from 'vite';

const HOST = '127.0.0.1';
const PAGE = '/demo/index.html';

/** Resolves when `port` can be bound on HOST; rejects with the reason otherwise. */
function portFree(port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen({ host: HOST, port, exclusive: true }, () => probe.close(() => resolve()));
  });
}

async function start(): Promise<void> {
  const port = Number(process.env.PORT ?? 5173);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    console.error(`npm start: PORT=${process.env.PORT} is not a port number (1-65535).`);
    process.exit(1);
  }
  try {
    await portFree(port);
  } catch (error) {
    const taken = (error as NodeJS.ErrnoException).code === 'EADDRINUSE';
    console.error(
      taken
        ? `npm start: port ${port} on ${HOST} is already taken (another npm start?). Stop that server, or choose another port: PORT=5180 npm start`
        : `npm start: cannot listen on ${HOST}:${port}: ${(error as Error).message}`,
    );
    process.exit(1);
  }
  const open = !process.argv.includes('--no-open');
  const server = await createServer({ server: { host: HOST, port, strictPort: true, open: open ? PAGE : false } });
  await server.listen();
  server.printUrls();
  console.log(`  Demo: http://${HOST}:${port}${PAGE}`);
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    void server.close().finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  // `npm start` runs this under `sh -c`, which dies on SIGTERM without passing it on:
  // when this process loses its parent, whoever stopped npm meant the server too.
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop('SIGTERM');
  }, 500).unref();
}

await start();
