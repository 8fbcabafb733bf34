/**
 * Validating and parsing a citation XML file with fast-xml-parser, with every failure told as the
 * user's problem: the validator's own wording ("Invalid '[ "A", "B" ]' found.") is rewritten, and
 * the parser's plain Errors (nesting past its limit of 100 elements, a stack overflow) become
 * corrupt-file instead of an internal error.
 */
import { XMLValidator, type XMLParser } from 'fast-xml-parser';
import { EvidentiaError } from '../../../shared/result.js';

/** The validator lists the elements left open at the end as a JSON array inside its message. */
function describeProblem(message: string): string {
  const open = /^Invalid '\[([\s\S]*)\]' found\.?$/.exec(message.trim());
  if (open) {
    const names = [...open[1]!.matchAll(/"([^"]*)"/g)].map((m) => m[1]);
    const shown = names.length > 5 ? [...names.slice(0, 2), '…', ...names.slice(-2)] : names;
    return `it ends before ${names.length === 1 ? 'the element' : 'the elements'} ${shown.join(', ')} ${names.length === 1 ? 'is' : 'are'} closed; the file may be cut off`;
  }
  return message.replace(/\s+/g, ' ').trim().replace(/\.$/, '');
}

export function parseXmlFile(parser: XMLParser, xml: string, fileName: string): unknown {
  let valid: ReturnType<typeof XMLValidator.validate>;
  try {
    valid = XMLValidator.validate(xml);
  } catch (error) {
    throw tooDeep(fileName, error);
  }
  if (valid !== true) {
    throw new EvidentiaError('corrupt-file', `${fileName} is not well-formed XML (line ${valid.err.line}: ${describeProblem(valid.err.msg)}).`);
  }
  try {
    return parser.parse(xml);
  } catch (error) {
    throw tooDeep(fileName, error);
  }
}

function tooDeep(fileName: string, error: unknown): EvidentiaError {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof RangeError || /nested/i.test(message)) {
    return new EvidentiaError('corrupt-file', `${fileName} nests XML elements too deeply (more than 100 levels) to be a citation file.`);
  }
  return new EvidentiaError('corrupt-file', `${fileName} could not be read as XML: ${describeProblem(message)}.`);
}
