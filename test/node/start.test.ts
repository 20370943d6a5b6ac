// `npm start` (scripts/start.ts): a taken port is named, never silently moved;
// stopping the start process by its PID stops the server it started.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { createServer, type Server, connect } from 'node:net';
import { test } from 'node:test';

const HOST = '127.0.0.1';

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = createServer().listen(0, HOST, () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** `npm start -- --no-open`, as an editor runs it. */
function startScript(port: number): ChildProcess {
  return spawn('npm', ['start', '--', '--no-open'], {
    env: { ...process.env, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

function output(child: ChildProcess): { text: () => string } {
  let text = '';
  child.stdout!.on('data', (chunk) => (text += chunk));
  child.stderr!.on('data', (chunk) => (text += chunk));
  return { text: () => text };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, HOST);
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

test('a port already taken is named, and start exits 1 instead of moving to another port', async () => {
  const port = await freePort();
  const blocker: Server = createServer().listen(port, HOST);
  await once(blocker, 'listening');
  try {
    const child = startScript(port);
    const out = output(child);
    const [code] = await once(child, 'exit');
    assert.equal(code, 1);
    assert.match(out.text(), new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already taken`));
    assert.doesNotMatch(out.text(), /Local:/);
  } finally {
    blocker.close();
  }
});

test("stopping npm start by its PID (npm's) stops the dev server: the port is free again", async () => {
  const port = await freePort();
  const child = startScript(port);
  const out = output(child);
  for (let i = 0; i < 300 && !out.text().includes('Demo: '); i++) await new Promise((resolve) => setTimeout(resolve, 100));
  assert.match(out.text(), new RegExp(`Demo: http://127\\.0\\.0\\.1:${port}/demo/index\\.html`));
  const page = await fetch(`http://${HOST}:${port}/demo/index.html`);
  assert.equal(page.status, 200);
  const exited = once(child, 'exit');
  process.kill(child.pid!, 'SIGTERM');
  await exited;
  let open = true;
  for (let i = 0; i < 50 && open; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    open = await accepts(port);
  }
  assert.equal(open, false, 'the dev server still answers after npm start was stopped');
});
