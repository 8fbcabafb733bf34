/**
 * Word lists for synthetic trial reports: common English, medical terms, drugs, conditions,
 * outcomes, real journal names, surnames. Kept as plain strings split once, so the lists stay easy
 * to read and edit. RARE_TERMS are made-up drug-like names used only a few times in a whole review,
 * so full-text search has terms that hit one or two articles as well as terms that hit thousands.
 */
import { Rng } from './prng.js';

const words = (s: string): string[] => s.trim().split(/\s+/);

/** Roughly by frequency: a Zipf draw over this list gives running text its common words. */
export const COMMON_WORDS = words(`
the of and in to a with was were for that by on at as is from or this be than not after between all
patients group we these which an had have are their but during those both each more study treatment
trial no one two who also there within across over per only most any similar may other both total
using based compared among while however overall further including higher lower greater fewer
significant significantly mean median baseline follow-up week weeks month months year years day days
data analysis results effect effects change changes difference differences rate rates risk level levels
participants randomised randomized assigned received placebo control intervention outcome outcomes
primary secondary adverse events serious reported observed measured assessed evaluated defined
included excluded eligible enrolled screened completed withdrew discontinued allocated masked blinded
dose doses daily twice weekly oral intravenous subcutaneous infusion injection therapy regimen
clinical population cohort subgroup subgroups sample size power interval confidence ratio hazard odds
relative absolute reduction increase decrease improvement response remission relapse recurrence
survival mortality death deaths hospital admission visit visits score scores scale questionnaire
consistent previous prior recent current present potential possible likely unlikely clear evidence
`);

export const MEDICAL_TERMS = words(`
inflammation fibrosis necrosis apoptosis angiogenesis proliferation oxidative cytokine interleukin
tumour lesion plaque stenosis thrombosis embolism haemorrhage ischaemia infarction arrhythmia
fibrillation tachycardia bradycardia hypertension hypotension hyperglycaemia hypoglycaemia insulin
glucose haemoglobin creatinine albumin proteinuria bilirubin transaminase lipoprotein cholesterol
triglyceride lymphocyte neutrophil eosinophil platelet erythrocyte antibody antigen autoantibody
complement receptor inhibitor agonist antagonist biomarker genotype phenotype mutation allele
pharmacokinetics bioavailability clearance half-life metabolism hepatotoxicity nephrotoxicity
neuropathy myopathy dermatitis erythema pruritus rash alopecia oedema dyspnoea fatigue nausea
vomiting diarrhoea constipation headache dizziness insomnia depression anxiety cognition delirium
ventilation oxygenation spirometry exacerbation bronchospasm pneumonia sepsis bacteraemia infection
colonisation resistance vaccination immunogenicity seroconversion viraemia endoscopy biopsy histology
ultrasound echocardiography angiography tomography imaging perfusion ejection fraction stroke
seizure spasticity tremor rigidity dementia frailty sarcopenia osteoporosis fracture arthroplasty
cartilage synovitis enthesitis uveitis retinopathy glaucoma cataract keratitis periodontitis
`);

export const DRUGS = words(`
metformin empagliflozin dapagliflozin semaglutide liraglutide sitagliptin insulin-glargine
atorvastatin rosuvastatin ezetimibe evolocumab alirocumab aspirin clopidogrel ticagrelor apixaban
rivaroxaban dabigatran warfarin enoxaparin heparin ramipril lisinopril losartan valsartan
sacubitril-valsartan spironolactone eplerenone furosemide bisoprolol metoprolol carvedilol
amlodipine digoxin amiodarone methotrexate adalimumab etanercept infliximab tocilizumab rituximab
abatacept secukinumab ustekinumab dupilumab omalizumab mepolizumab baricitinib tofacitinib
upadacitinib hydroxychloroquine azathioprine mycophenolate cyclosporine tacrolimus prednisolone
dexamethasone methylprednisolone budesonide fluticasone salbutamol tiotropium montelukast
amoxicillin azithromycin doxycycline ceftriaxone vancomycin linezolid meropenem ciprofloxacin
oseltamivir remdesivir nirmatrelvir acyclovir sertraline escitalopram fluoxetine venlafaxine
duloxetine mirtazapine quetiapine olanzapine aripiprazole lithium valproate levetiracetam
lamotrigine gabapentin pregabalin donepezil memantine levodopa pramipexole ondansetron omeprazole
pantoprazole ursodeoxycholic zoledronate denosumab alendronate teriparatide vitamin-D calcium
immunoglobulin pembrolizumab nivolumab trastuzumab bevacizumab cisplatin carboplatin paclitaxel
`);

export const CONDITIONS = words(`
dermatomyositis polymyositis rheumatoid-arthritis psoriasis psoriatic-arthritis ankylosing-spondylitis
lupus systemic-sclerosis vasculitis gout osteoarthritis type-2-diabetes type-1-diabetes obesity
heart-failure atrial-fibrillation coronary-disease hypertension dyslipidaemia stroke asthma COPD
bronchiectasis cystic-fibrosis pneumonia influenza COVID-19 sepsis tuberculosis HIV hepatitis-C
chronic-kidney-disease cirrhosis NAFLD Crohn's-disease ulcerative-colitis depression schizophrenia
bipolar-disorder epilepsy migraine Alzheimer's-disease Parkinson's-disease multiple-sclerosis
atopic-dermatitis urticaria osteoporosis breast-cancer lung-cancer colorectal-cancer melanoma
`).map((c) => c.replace(/-/g, ' ').replace(/ 2 /, '-2 ').replace(/ 1 /, '-1 ').replace(/COVID 19/, 'COVID-19'));

export interface OutcomeKind {
  name: string;
  measure: string;
  unit: string;
  /** continuous: mean change with a CI; binary: events n/N with a ratio; ratio: HR or OR. */
  type: 'continuous' | 'binary' | 'ratio';
  /** Typical size of the effect, for plausible numbers. */
  scale: number;
}

export const OUTCOMES: OutcomeKind[] = [
  { name: 'CDASI-A change from baseline', measure: 'mean change', unit: 'points', type: 'continuous', scale: 10 },
  { name: 'HbA1c change', measure: 'mean difference', unit: '%', type: 'continuous', scale: 1.2 },
  { name: 'systolic blood pressure', measure: 'mean difference', unit: 'mmHg', type: 'continuous', scale: 12 },
  { name: 'LDL cholesterol change', measure: 'mean change', unit: 'mmol/L', type: 'continuous', scale: 1.5 },
  { name: 'body weight change', measure: 'mean change', unit: 'kg', type: 'continuous', scale: 6 },
  { name: 'FEV1 change', measure: 'mean difference', unit: 'mL', type: 'continuous', scale: 150 },
  { name: 'HAQ-DI change', measure: 'mean change', unit: 'points', type: 'continuous', scale: 0.6 },
  { name: 'DAS28-CRP change', measure: 'mean change', unit: 'points', type: 'continuous', scale: 2 },
  { name: 'EASI score change', measure: 'mean percent change', unit: '%', type: 'continuous', scale: 60 },
  { name: 'pain score (VAS)', measure: 'mean difference', unit: 'mm', type: 'continuous', scale: 20 },
  { name: 'eGFR slope', measure: 'mean difference', unit: 'mL/min/1.73 m2 per year', type: 'continuous', scale: 3 },
  { name: 'MADRS total score change', measure: 'mean change', unit: 'points', type: 'continuous', scale: 12 },
  { name: 'quality of life (SF-36 PCS)', measure: 'mean difference', unit: 'points', type: 'continuous', scale: 5 },
  { name: 'all-cause mortality', measure: 'HR', unit: '', type: 'ratio', scale: 0.8 },
  { name: 'hospitalisation for heart failure', measure: 'HR', unit: '', type: 'ratio', scale: 0.75 },
  { name: 'major adverse cardiovascular events', measure: 'HR', unit: '', type: 'ratio', scale: 0.85 },
  { name: 'clinical remission', measure: 'OR', unit: '', type: 'ratio', scale: 2.1 },
  { name: 'ACR20 response', measure: 'RR', unit: '', type: 'ratio', scale: 1.8 },
  { name: 'serious adverse events', measure: 'events', unit: 'participants', type: 'binary', scale: 0.12 },
  { name: 'treatment discontinuation', measure: 'events', unit: 'participants', type: 'binary', scale: 0.08 },
  { name: 'any adverse event', measure: 'events', unit: 'participants', type: 'binary', scale: 0.55 },
  { name: 'exacerbation', measure: 'events', unit: 'participants', type: 'binary', scale: 0.3 },
  { name: 'infection', measure: 'events', unit: 'participants', type: 'binary', scale: 0.2 },
];

export const TIMEPOINTS = ['week 4', 'week 8', 'week 12', 'week 16', 'week 24', 'week 26', 'week 40', 'week 52', 'month 6', 'month 18', 'year 2', 'end of treatment'];

export const JOURNALS = [
  'The Lancet', 'The New England Journal of Medicine', 'JAMA', 'BMJ', 'Annals of Internal Medicine',
  'JAMA Internal Medicine', 'Lancet Rheumatology', 'Annals of the Rheumatic Diseases', 'Arthritis & Rheumatology',
  'Rheumatology (Oxford)', 'Journal of the American Academy of Dermatology', 'British Journal of Dermatology',
  'JAMA Dermatology', 'Diabetes Care', 'Diabetologia', 'Lancet Diabetes & Endocrinology', 'Circulation',
  'European Heart Journal', 'Journal of the American College of Cardiology', 'Hypertension',
  'American Journal of Respiratory and Critical Care Medicine', 'European Respiratory Journal', 'Thorax',
  'Gastroenterology', 'Gut', 'Journal of Hepatology', 'Kidney International', 'Journal of the American Society of Nephrology',
  'Neurology', 'Lancet Neurology', 'Brain', 'JAMA Psychiatry', 'American Journal of Psychiatry',
  'Journal of Clinical Oncology', 'Lancet Oncology', 'Clinical Infectious Diseases', 'Lancet Infectious Diseases',
  'PLoS Medicine', 'BMC Medicine', 'Trials', 'Cochrane Database of Systematic Reviews', 'Clinical Trials',
];

export const SURNAMES = words(`
Smith Jones Williams Brown Taylor Davies Evans Wilson Thomas Johnson Roberts Walker Wright Robinson
Thompson White Hughes Edwards Green Hall Wood Harris Lewis Martin Jackson Clarke Clark Turner Hill
Scott Cooper Morris Ward Moore King Watson Baker Harrison Morgan Patel Young Allen Mitchell James
Anderson Phillips Lee Bell Parker Davis Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker
Schulz Hoffmann Koch Werth Richter Klein Wolf Schröder Neumann García Fernández González Rodríguez
López Martínez Sánchez Pérez Gómez Martín Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci
Marino Dubois Durand Lefebvre Moreau Laurent Simon Michel Bernard Petit Nielsen Jensen Hansen
Andersen Larsen Johansson Karlsson Nilsson Eriksson Virtanen Korhonen Nowak Kowalski Novák Horváth
Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Sato Suzuki Takahashi Tanaka Watanabe Kim Park Choi
Nguyen Tran Singh Kumar Sharma Gupta Khan Ali Ahmed Hassan Ibrahim Okafor Mensah Silva Santos Oliveira
Souza Costa Pereira Almeida Cohen Levi Friedman Ivanov Petrov Popescu Papadopoulos Yilmaz Kaya
`);

export const REVIEWERS = [
  { id: 'alice', name: 'Alice Werner', weight: 0.34 },
  { id: 'bob', name: 'Bob Okafor', weight: 0.26 },
  { id: 'chen', name: 'Chen Li', weight: 0.2 },
  { id: 'dana', name: 'Dana Petrov', weight: 0.12 },
  { id: 'eve', name: 'Eve Santos', weight: 0.08 },
];

const SYLLABLES = words('ba ce di fo gu ka le mi no pa ri so tu va xe zo lo ne qui dra tri plo sta vel mor cal ten bir');
const SUFFIXES = words('mab nib tide zole pril sartan statin vir cept lukast parin oxacin lisib gliflozin');

/** Made-up drug-like names (fixed, whatever the seed): each is used in very few articles. */
export const RARE_TERMS: string[] = (() => {
  const rng = new Rng(0x5eed);
  const seen = new Set<string>();
  while (seen.size < 6000) {
    const n = rng.int(2, 3);
    let w = '';
    for (let i = 0; i < n; i++) w += rng.pick(SYLLABLES);
    seen.add(w + rng.pick(SUFFIXES));
  }
  return [...seen];
})();

/** Words that make up running text, most common first (the Zipf rank order). */
export const RUNNING_WORDS: string[] = (() => {
  const out: string[] = [];
  const medical = [...MEDICAL_TERMS];
  // Interleave so medical terms spread over the ranks instead of all being rarer than "the".
  for (let i = 0; i < Math.max(COMMON_WORDS.length, medical.length); i++) {
    if (i < COMMON_WORDS.length) out.push(COMMON_WORDS[i]!);
    if (i % 2 === 1 && medical.length > 0) out.push(medical.shift()!);
  }
  return [...out, ...medical, ...DRUGS.slice(40)];
})();
