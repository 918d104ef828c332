/**
 * The processes of the cluster test: Loket instances (the built server, dist/server/main.js, as
 * an operator runs it) and nginx with the repository's example configuration
 * (deploy/nginx/loket.conf.template) in front of them.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import net from 'node:net';
import { join } from 'node:path';

/** A port that was free a moment ago (each process of the test binds its own). */
export async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Asks `probe` until it says yes, every 50 ms, up to `ms`; `gone` ends the wait early. */
export async function until(
  what: string,
  ms: number,
  probe: () => Promise<boolean>,
  gone?: () => string | null,
  detail?: () => string,
) {
  const deadline = Date.now() + ms;
  for (;;) {
    const reason = gone?.();
    if (reason) throw new Error(`${what}: ${reason}`);
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms / 1000} s${detail ? `\n${detail()}` : ''}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The last lines a process wrote, for the message when it fails. */
function tail(child: ChildProcess, lines: string[]): void {
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', (chunk: Buffer) => {
      // Request lines (LOG_LEVEL=info) would push out what tells why a process failed.
      lines.push(
        ...chunk
          .toString()
          .split('\n')
          .filter((line) => line && !/"msg":"(incoming request|request completed)"/.test(line)),
      );
      if (lines.length > 200) lines.splice(0, lines.length - 200);
    });
  }
}

export class Instance {
  private child: ChildProcess | null = null;
  private exited: number | string | null = null;
  readonly output: string[] = [];
  /** How often this instance was started */
  starts = 0;

  constructor(
    readonly name: string,
    readonly port: number,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  /** Starts the built server and resolves once it answers ready. */
  async start(): Promise<void> {
    this.exited = null;
    const child = spawn(process.execPath, ['dist/server/main.js'], {
      env: { ...this.env, PORT: String(this.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.child = child;
    this.starts += 1;
    tail(child, this.output);
    child.once('exit', (code, signal) => (this.exited = code ?? signal ?? 'exit'));
    await until(
      `${this.name} ready`,
      // Seconds on this machine alone; minutes when the machine is shared and loaded.
      120_000,
      async () => (await fetch(`${this.url}/api/health/ready`)).status === 200,
      () => (this.exited !== null ? `exited (${this.exited}):\n${this.output.join('\n')}` : null),
      () => this.output.join('\n'),
    );
  }

  /** Still running (a lost database connection must not end the process). */
  get running(): boolean {
    return this.child !== null && this.exited === null;
  }

  /** SIGTERM, as an orchestrator sends it: resolves when the process has drained and ended. */
  async stop(): Promise<number | string | null> {
    const child = this.child;
    if (!child || this.exited !== null) return this.exited;
    const exit = once(child, 'exit');
    child.kill('SIGTERM');
    await exit;
    return this.exited;
  }
}

/** The example configuration with its ${NAME} placeholders filled in (as envsubst would). */
async function renderNginxExample(values: Record<string, string>): Promise<string> {
  const template = await readFile('deploy/nginx/loket.conf.template', 'utf8');
  const rendered = template.replace(/\$\{([A-Z0-9_]+)\}/g, (_, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`deploy/nginx/loket.conf.template: no value for \${${name}}`);
    return value;
  });
  return rendered;
}

export class Nginx {
  private child: ChildProcess | null = null;
  private exited: number | string | null = null;
  readonly output: string[] = [];

  constructor(
    readonly binary: string,
    readonly directory: string,
    readonly port: number,
  ) {}

  get url(): string {
    return `http://127.0.0.1:${this.port}`;
  }

  async start(instances: Instance[]): Promise<void> {
    const site = await renderNginxExample({
      LOKET_LISTEN: `127.0.0.1:${this.port}`,
      LOKET_INSTANCE_1: `127.0.0.1:${instances[0]!.port}`,
      LOKET_INSTANCE_2: `127.0.0.1:${instances[1]!.port}`,
    });
    // As root, nginx's workers run as "nobody": they need to reach the temp folders in here.
    await chmod(this.directory, 0o755);
    await mkdir(join(this.directory, 'logs'), { recursive: true });
    await writeFile(join(this.directory, 'loket.conf'), site);
    const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
      .map((kind) => `  ${kind}_temp_path ${join(this.directory, `${kind}_temp`)};`)
      .join('\n');
    // The main file a distribution provides (nginx.conf); the example is the part under test.
    await writeFile(
      join(this.directory, 'nginx.conf'),
      [
        'daemon off;',
        'worker_processes 1;',
        `pid ${join(this.directory, 'nginx.pid')};`,
        `error_log ${join(this.directory, 'logs/error.log')} warn;`,
        'events { worker_connections 512; }',
        'http {',
        '  access_log off;',
        temp,
        `  include ${join(this.directory, 'loket.conf')};`,
        '}',
        '',
      ].join('\n'),
    );
    const child = spawn(
      this.binary,
      ['-p', this.directory, '-e', join(this.directory, 'logs/error.log'), '-c', join(this.directory, 'nginx.conf')],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    this.child = child;
    tail(child, this.output);
    child.once('exit', (code, signal) => (this.exited = code ?? signal ?? 'exit'));
    await until(
      'nginx listening',
      10_000,
      () =>
        new Promise<boolean>((resolve) => {
          const socket = net.connect(this.port, '127.0.0.1');
          socket.once('connect', () => resolve(true)).once('error', () => resolve(false));
          socket.once('close', () => socket.destroy());
          socket.once('connect', () => socket.end());
        }),
      () => (this.exited !== null ? `exited (${this.exited}):\n${this.output.join('\n')}` : null),
    );
  }

  async errorLog(): Promise<string> {
    return readFile(join(this.directory, 'logs/error.log'), 'utf8').catch(() => '');
  }

  async stop(): Promise<void> {
    const child = this.child;
    if (!child || this.exited !== null) return;
    const exit = once(child, 'exit');
    child.kill('SIGQUIT');
    await exit;
  }
}
