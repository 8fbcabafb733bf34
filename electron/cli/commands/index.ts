/** Every command, in the order the help lists them. */
import type { Command } from '../command.js';
import { annotate } from './annotate.js';
import { annotations } from './annotations.js';
import { check } from './check.js';
import { list, show } from './articles.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { init } from './init.js';
import { serve } from './serve.js';

export const COMMANDS: readonly Command[] = [init, importCommand, list, show, annotate, annotations, check, exportCommand, serve];
