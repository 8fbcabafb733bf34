/** Outcome records meet their template on every save: values checked, current version stamped. */
import type { AnnotationBody } from '../../shared/model/index.js';
import { changedKeys, checkValues } from '../../shared/templates/values.js';
import type { Templates } from './templates.js';

export function prepareOutcomeBody(templates: Templates, body: AnnotationBody, previous: AnnotationBody | null): AnnotationBody {
  if (body.type !== 'outcome') return body;
  const template = templates.get(body.template.id);
  const before = previous?.type === 'outcome' ? previous.fields : {};
  checkValues(template, 'outcome', body.fields, changedKeys(before, body.fields));
  return { ...body, template: { id: template.id, version: template.version } };
}
