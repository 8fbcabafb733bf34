/**
 * The "Trial outcomes" template every review starts with: the foundation's outcome form (so records
 * made before templates existed fit version 1 unchanged) plus SD and events for meta-analysis, and
 * the study-level fields reviewers extract once per article.
 */
import { DEFAULT_TEMPLATE_ID } from '../model/annotation.js';
import type { Template, TemplateField } from '../model/template.js';

function field(key: string, label: string, kind: TemplateField['kind'], help = '', extra: Partial<TemplateField> = {}): TemplateField {
  return { key, label, kind, help, required: false, options: [], retired: false, ...extra };
}

/** The outcome form's fields as the foundation had them, in order. */
export const FOUNDATION_OUTCOME_KEYS = [
  'outcome', 'arm', 'timepoint', 'measure', 'value', 'unit', 'ci_low', 'ci_high', 'p_value', 'n', 'note',
] as const;

export const STUDY_DESIGNS = [
  'Parallel RCT',
  'Cluster RCT',
  'Crossover RCT',
  'Non-randomised controlled',
  'Cohort',
  'Case-control',
  'Cross-sectional',
  'Case series',
  'Other',
];

export function defaultTemplate(now: string): Template {
  return {
    id: DEFAULT_TEMPLATE_ID,
    name: 'Trial outcomes',
    version: 1,
    updated: now,
    sections: [
      {
        key: 'study',
        title: 'Study',
        level: 'study',
        fields: [
          field('design', 'Design', 'single', 'How participants were allocated and followed.', { options: STUDY_DESIGNS }),
          field('population', 'Population', 'text', 'Who was enrolled: condition, age, setting.'),
          field('intervention', 'Intervention', 'text', 'Treatment given to the experimental arm, with dose and schedule.'),
          field('comparator', 'Comparator', 'text', 'Placebo, usual care or the active control.'),
          field('sample_size', 'Sample size', 'number', 'Participants randomised (all arms).'),
          field('funding', 'Funding', 'text', 'Who paid for the study; note industry involvement.'),
        ],
      },
      {
        key: 'outcomes',
        title: 'Outcomes',
        level: 'outcome',
        fields: [
          field('outcome', 'Outcome', 'text', 'The outcome as the article names it, e.g. "CDASI-A change".', { required: true }),
          field('arm', 'Arm', 'text', 'Group or contrast, e.g. "IVIg" or "IVIg vs placebo".'),
          field('timepoint', 'Time point', 'text', 'e.g. "week 16".'),
          field('measure', 'Measure', 'text', 'e.g. mean, mean difference, HR, OR, RR, %, events.'),
          field('value', 'Value', 'number', 'The estimate as written; keep signs and "<".', { required: true }),
          field('unit', 'Unit', 'text'),
          field('ci_low', 'CI low', 'number', 'Lower bound of the 95% confidence interval.'),
          field('ci_high', 'CI high', 'number', 'Upper bound of the 95% confidence interval.'),
          field('p_value', 'p value', 'text', 'As written, e.g. "<0.001".'),
          field('n', 'n', 'number', 'Participants analysed in this arm (or in total for a contrast).'),
          field('sd', 'SD', 'number', 'Standard deviation, for continuous outcomes.'),
          field('events', 'Events', 'number', 'Participants with the event, for dichotomous outcomes.'),
          field('note', 'Note', 'text'),
        ],
      },
    ],
  };
}
