import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { message } from '../../../shared/i18n/message';
import { AppError } from '../../../shared/result';
import { APP_VERSION } from '../../app';
import { startWebHost, type WebHost } from '../../web/server';
import { databaseOption, EXIT, openAppFromOptions, text, UsageError, type Command } from '../command';

/** Ports Accord picks from: above the registered services most machines run, below the OS's ephemeral range. */
const STABLE_PORTS = { first: 41000, count: 8000 };

/** The same port every time for the same database file (a bookmark keeps working), different for another file. */
export function stablePort(databasePath: string): number {
  const digest = createHash('sha256').update(resolve(databasePath)).digest();
  return STABLE_PORTS.first + (digest.readUInt32BE(0) % STABLE_PORTS.count);
}

/** The start-up block: the mode, the database, the address, how to stop. */
export function startupBanner(options: { why?: string; databasePath: string; url: string; portNote?: string }): string {
  const lines = [
    options.why ? text('platform.serve.mode', { version: APP_VERSION, why: options.why }) : text('platform.serve.modeDirect', { version: APP_VERSION }),
    text('platform.serve.database', { path: options.databasePath }),
    text('platform.serve.address', { url: options.url }),
    ...(options.portNote ? [options.portNote] : []),
    text('platform.serve.stop'),
  ];
  return lines.join('\n');
}

export const serveCommand: Command = {
  summary: 'cli.summary.serve',
  usage: 'accord serve [--db PATH] [--port N] [--no-open] [--marking TEXT]',
  // Without --port, the port is the same on every start for the same database (unless another program holds it).
  options: { ...databaseOption, port: { type: 'string' }, 'no-open': { type: 'boolean' }, marking: { type: 'string' }, why: { type: 'string' } },
  async run(values) {
    const asked = values.port === undefined ? undefined : Number(values.port);
    if (asked !== undefined && (!Number.isInteger(asked) || asked < 0 || asked > 65535)) throw new UsageError('cli.portRange', { value: String(values.port) });
    const staticDir = rendererDirectory();
    const app = await openAppFromOptions(values);
    const { databasePath } = app.context;
    let host: WebHost;
    let portNote: string | undefined;
    if (asked !== undefined) {
      host = await startWebHost({ call: app.call, sessionActive: (token) => app.context.sessions.isActive(token), staticDir, port: asked });
    } else {
      const port = stablePort(databasePath);
      try {
        host = await startWebHost({ call: app.call, sessionActive: (token) => app.context.sessions.isActive(token), staticDir, port });
      } catch (error) {
        if (!(error instanceof Error && 'code' in error && error.code === 'EADDRINUSE')) throw error;
        host = await startWebHost({ call: app.call, sessionActive: (token) => app.context.sessions.isActive(token), staticDir, port: 0 });
        portNote = text('platform.serve.portTaken', { port: String(port), actual: String(host.port) });
      }
    }
    console.log(startupBanner({ why: values.why as string | undefined, databasePath, url: host.url, portNote }));
    if (!values['no-open'] && canOpenBrowser()) openInBrowser(host.url);
    await new Promise<void>((resolvePromise) => {
      const stop = () => resolvePromise();
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
    });
    // A second Ctrl+C while closing must not kill the process before the database is closed (that leaves -wal/-shm behind);
    // open event streams and keep-alive connections are cut so closing does not wait on the browser.
    host.server.closeAllConnections();
    await host.close();
    app.close();
    return EXIT.ok;
  },
};

function rendererDirectory(): string {
  const directory = join(__dirname, '..', 'renderer');
  if (!existsSync(join(directory, 'index.html'))) {
    throw new AppError('INTERNAL', message('cli.pagesNotBuilt', { directory }));
  }
  return directory;
}

function canOpenBrowser(): boolean {
  if (process.env.CI || process.env.ACCORD_NO_OPEN) return false;
  if (process.platform === 'linux') return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
  return true;
}

function openInBrowser(url: string): void {
  const [command, args] =
    process.platform === 'win32' ? ['cmd', ['/c', 'start', '""', url]] : process.platform === 'darwin' ? ['open', [url]] : ['xdg-open', [url]];
  const child = spawn(command as string, args as string[], { stdio: 'ignore', detached: true });
  child.on('error', () => undefined); // the printed address is enough
  child.unref();
}

