/**
 * evidentia serve DIR [--port N]: the browser mode. Opens the review, starts the HTTP bridge on
 * 127.0.0.1 and prints its URL (token included) as the first line of stdout, so scripts and the
 * end-to-end tests can read it; everything else goes to stderr. Runs until SIGINT/SIGTERM, then
 * closes the bridge and the core (releasing the writer lock).
 */
import { fileURLToPath } from 'node:url';
import { startBridge } from '../../bridge/index.js';
import { intOption, positional } from '../args.js';
import { call } from '../call.js';
import type { Command } from '../command.js';
import { CliError } from '../errors.js';
import { describe, logToStderr } from '../log.js';
import { err, out } from '../output.js';
import { openExistingReview } from '../review.js';

export const serve: Command = {
  name: 'serve',
  summary: 'open a review in your browser (local HTTP server on 127.0.0.1)',
  usage: 'evidentia serve DIR [--port N]',
  details:
    'Prints http://127.0.0.1:PORT/?token=TOKEN on standard output: open it in a browser. The token is\n' +
    'new on every run and required for every call, so other local programs and web pages cannot use\n' +
    'the review. Stop with Ctrl+C.',
  options: { port: { type: 'string' } },
  optionHelp: [['--port N', 'port to listen on (default: any free port)']],
  positionals: [1, 1],
  async run(args) {
    const port = intOption(args, 'port', 0, 65535, 0);
    const core = await openExistingReview(positional(args, 0), { readOnly: false });
    let bridge: Awaited<ReturnType<typeof startBridge>>;
    try {
      bridge = await startBridge({ core, rendererDir: rendererDir(), port, log: logToStderr });
    } catch (error) {
      await core.close();
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EADDRINUSE') throw new CliError(`port ${port} is already in use; choose another with --port, or omit it`);
      throw new CliError(`cannot start the server: ${describe(error)}`);
    }
    out(bridge.url);
    const info = await call(core, 'review.info', {});
    err(`serving review "${info.name}" (${info.dir})${info.readOnly ? ' read-only: another process holds it' : ''}; press Ctrl+C to stop`);
    await untilSignal();
    await bridge.close();
    await core.close();
    return 0;
  },
};

/** The built renderer sits beside the CLI bundle: dist/cli/evidentia.mjs → dist/renderer/. */
function rendererDir(): string {
  return process.env.EVIDENTIA_RENDERER_DIR ?? fileURLToPath(new URL('../renderer/', import.meta.url));
}

function untilSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
