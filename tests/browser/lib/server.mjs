// The real `taawun` binary for browser tests: a private data directory per test file,
// CLI commands run against it (`demo`, `init`, `user add`, …) and `taawun serve` on a free port.
//
// Typical use:
//
//   const server = await startServer({ demo: true });          // temp dir + `taawun demo` + serve --demo
//   … server.url …
//   await server.stop();
//
// A scenario with accounts (no demo visitor access) prepares the directory first:
//
//   const data = await createDataDir();
//   await taawun(['init', '--data-dir', data.dir]);
//   await addUser(data.dir, ['--username', 'amina', '--display-name', 'Amina', '--party', 'MA',
//                            '--role', 'secretariat', '--clearance', 'restricted'], 'a long passphrase');
//   const server = await startServer({ dataDir: data.dir });
//   …
//   await server.stop(); await data.remove();

import { spawn } from 'node:child_process';
import { mkdtemp, rm, mkdir, writeFile, access } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
/** The repository root (tests/browser/lib → ../../..). */
export const repoRoot = path.resolve(here, '..', '..', '..');
/** Screenshots, server logs and other files for humans; gitignored. */
export const artifactsDir = path.resolve(here, '..', 'artifacts');

/** How long the server may take to print its ready line (a debug build on a busy 2-core machine). */
const READY_TIMEOUT_MS = 60_000;
/** How long a command such as `taawun demo` may take. */
const COMMAND_TIMEOUT_MS = 120_000;

/**
 * Path of the binary under test: `$TAAWUN_BIN`, else `debug/taawun` in the Cargo target directory
 * (`$CARGO_TARGET_DIR`, resolved like Cargo does against the working directory, else `<repo>/target`).
 */
export function taawunBin() {
  if (process.env.TAAWUN_BIN) return path.resolve(process.env.TAAWUN_BIN);
  const target = process.env.CARGO_TARGET_DIR
    ? path.resolve(process.cwd(), process.env.CARGO_TARGET_DIR)
    : path.join(repoRoot, 'target');
  return path.join(target, 'debug', 'taawun');
}

async function checkBinary(bin) {
  try {
    await access(bin);
  } catch {
    throw new Error(
      `taawun binary not found at ${bin}: build it with \`cargo build -p taawun\` or set TAAWUN_BIN`,
    );
  }
}

/** Environment for the child: quiet logs unless the caller asks otherwise, no colour codes. */
function childEnv(extra = {}) {
  return { ...process.env, TAAWUN_LOG: process.env.TAAWUN_LOG ?? 'info,sqlx=warn', NO_COLOR: '1', ...extra };
}

/** A fresh, empty data directory in the system temp dir; `remove()` deletes it. */
export async function createDataDir(prefix = 'taawun-browser-') {
  const dir = await mkdtemp(path.join(tmpdir(), prefix));
  return {
    dir,
    remove: () => (process.env.TAAWUN_KEEP_DATA ? Promise.resolve() : rm(dir, { recursive: true, force: true })),
  };
}

/**
 * Runs `taawun ARGS…` to completion. Resolves with `{ code, stdout, stderr }`; rejects on a non-zero
 * exit unless `allowFailure` is set. `env` adds environment variables (e.g. `TAAWUN_PASSWORD`).
 */
export async function taawun(args, { env = {}, allowFailure = false, timeoutMs = COMMAND_TIMEOUT_MS } = {}) {
  const bin = taawunBin();
  await checkBinary(bin);
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d) => (stderr += d));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`taawun ${args.join(' ')} did not finish within ${timeoutMs} ms\n${stderr}`));
    }, timeoutMs);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const result = { code, signal, stdout, stderr };
      if ((code === 0 || allowFailure) && !signal) resolve(result);
      else reject(new Error(`taawun ${args.join(' ')} exited with ${code ?? signal}\n${stdout}${stderr}`));
    });
  });
}

/**
 * Creates an account with `taawun user add ARGS… --data-dir DIR`, the password passed in
 * `TAAWUN_PASSWORD` (never on the command line). ARGS are the exact flags, so scenarios can follow
 * the command as it evolves, e.g. ['--username', 'amina', '--display-name', 'Amina Alaoui',
 * '--party', 'MA', '--role', 'secretariat', '--clearance', 'restricted'].
 */
export async function addUser(dataDir, args, password, options = {}) {
  return taawun(['user', 'add', ...args, '--data-dir', dataDir], {
    ...options,
    env: { ...(options.env ?? {}), TAAWUN_PASSWORD: password },
  });
}

// Servers still running when the test process ends (a failed `before`, an interrupted run)
// are killed so no orphan keeps a port or a temp dir busy.
const running = new Set();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

/**
 * Starts `taawun serve --addr 127.0.0.1:0` and waits for `Taawun is ready: http://127.0.0.1:PORT/`.
 *
 * Options:
 * - `demo`: pass `--demo` (visitors read without an account); when no `dataDir` is given the
 *   demo is also loaded first with `taawun demo`.
 * - `dataDir`: an existing data directory (the caller owns it); otherwise a temp one is created
 *   and removed by `stop()`.
 * - `args`: extra `serve` flags; `env`: extra environment variables.
 * - `name`: used for the log file written to artifacts/ on `stop()`.
 *
 * Resolves with `{ url, origin, port, dataDir, logs(), stop() }`; `url` ends with `/`.
 */
export async function startServer({ demo = false, dataDir, args = [], env = {}, name = 'server' } = {}) {
  const bin = taawunBin();
  await checkBinary(bin);
  let owned = null;
  if (!dataDir) {
    owned = await createDataDir();
    dataDir = owned.dir;
    if (demo) await taawun(['demo', '--data-dir', dataDir], { env });
  }
  const serveArgs = ['serve', '--addr', '127.0.0.1:0', '--data-dir', dataDir, ...(demo ? ['--demo'] : []), ...args];
  const child = spawn(bin, serveArgs, { env: childEnv(env), stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let log = '';
  const exited = new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal })));
  exited.then(() => running.delete(child));
  child.stderr.setEncoding('utf8').on('data', (d) => (log += d));

  const ready = new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`taawun serve printed no ready line within ${READY_TIMEOUT_MS} ms\n${log}`));
    }, READY_TIMEOUT_MS);
    const lines = readline.createInterface({ input: child.stdout });
    lines.on('line', (line) => {
      log += line + '\n';
      const m = /^Taawun is ready: (http:\/\/127\.0\.0\.1:\d+\/)\s*$/.exec(line);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]);
      }
    });
    exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`taawun ${serveArgs.join(' ')} exited (${code ?? signal}) before it was ready\n${log}`));
    });
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
  let url;
  try {
    url = await ready;
  } catch (e) {
    if (owned) await owned.remove();
    throw e;
  }

  let stopped = null;
  const stop = () => {
    stopped ??= (async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM'); // graceful shutdown, as an operator would stop it
        const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
        await exited;
        clearTimeout(timer);
      }
      await mkdir(artifactsDir, { recursive: true });
      await writeFile(path.join(artifactsDir, `${name}.log`), log);
      if (owned) await owned.remove();
    })();
    return stopped;
  };

  const { origin, port } = new URL(url);
  return { url, origin, port: Number(port), dataDir, logs: () => log, stop };
}
