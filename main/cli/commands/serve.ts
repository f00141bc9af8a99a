import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '../../../shared/result';
import { startWebHost } from '../../web/server';
import { databaseOption, EXIT, openAppFromOptions, UsageError, type Command } from '../command';

export const serveCommand: Command = {
  summary: 'Serve Accord on 127.0.0.1 and print the address to open in a browser.',
  usage: 'accord serve [--db PATH] [--port N] [--no-open] [--marking TEXT]',
  options: { ...databaseOption, port: { type: 'string' }, 'no-open': { type: 'boolean' }, marking: { type: 'string' }, why: { type: 'string' } },
  async run(values) {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not "${values.port}".`);
    const staticDir = rendererDirectory();
    const app = openAppFromOptions(values);
    const host = await startWebHost({ call: app.call, staticDir, port });
    const why = values.why ? ` (${values.why})` : '';
    console.log(`Accord is running in browser mode${why}. Open ${host.url}`);
    if (!values['no-open'] && canOpenBrowser()) openInBrowser(host.url);
    await new Promise<void>((resolvePromise) => {
      const stop = () => resolvePromise();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
    await host.close();
    app.close();
    return EXIT.ok;
  },
};

function rendererDirectory(): string {
  const directory = join(__dirname, '..', 'renderer');
  if (!existsSync(join(directory, 'index.html'))) {
    throw new AppError('INTERNAL', `The app's pages are not built (${directory} is missing). Run "npm run build" first.`);
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

