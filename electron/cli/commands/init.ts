/** evidentia init DIR [--name NAME]: creates an empty review folder. */
import { basename, resolve } from 'node:path';
import { call, usingCore } from '../call.js';
import type { Command } from '../command.js';
import { positional, stringOption } from '../args.js';
import { out } from '../output.js';
import { createReview } from '../review.js';

export const init: Command = {
  name: 'init',
  summary: 'create a new, empty review folder',
  usage: 'evidentia init DIR [--name NAME]',
  details: 'DIR must not exist yet or be an empty folder. The name defaults to the folder name.',
  options: { name: { type: 'string' } },
  optionHelp: [['--name NAME', 'the review\'s name (default: the folder name)']],
  positionals: [1, 1],
  async run(args) {
    const dir = positional(args, 0);
    const name = stringOption(args, 'name') ?? basename(resolve(dir));
    const core = await createReview(dir, name);
    const info = await usingCore(core, (c) => call(c, 'review.info', {}));
    out(`created review "${info.name}" in ${info.dir}`);
    return 0;
  },
};
