// English sentences shared by every kind of story: quotes, background, outlook, headings.
import type { Phrases } from './story-text.ts'
import type { EnCtx } from './words.en.ts'

export const PHRASES: Phrases<EnCtx> = {
  quotes: [
    'This is a significant step, but the details will matter more than the headlines',
    'Nobody expected this to move so quickly. The question now is whether it holds',
    'The decision reflects pressures that have been building for months',
    'It is too early to call this a turning point, but the direction is clear',
    'There is a gap between what has been announced and what can be delivered',
    'The real test will come in the next few weeks',
  ],
  quoteLines: [
    (q, c) => `“${q},” said ${c.expert.name}, ${c.expert.title}.`,
    (q, c) => `${c.expert.name}, ${c.expert.title}, said: “${q}.”`,
    (q, c) => `“${q},” ${c.expert.name}, ${c.expert.title}, told reporters.`,
  ],
  attribution: (c) => `${c.expert.name}, ${c.expert.title}`,
  background: [
    () => 'The issue has been a recurring theme in public debate for several years.',
    () => 'Officials have repeatedly said that decisions will be guided by the available data.',
    () => 'Similar steps have been discussed before but were not implemented.',
    () => 'The announcement came after weeks of speculation in local media.',
    () => 'Public reaction has so far been mixed.',
    (c) => `Analysts say the consequences could be felt well beyond ${c.country.name}.`,
  ],
  outlook: [
    () => 'The next steps are expected to become clearer within weeks.',
    () => 'Observers will be watching whether the momentum can be sustained.',
    () => 'Much will depend on how quickly the plans can be put into practice.',
    () => 'Officials promised to provide an update by the end of the month.',
    () => 'Further announcements are possible after consultations with partners.',
    () => 'Experts say the coming months will show whether the approach works.',
  ],
  links: [
    'The full text of the [statement] has been published online.',
    'Earlier, officials published [a summary of the plans].',
    'Our [earlier report] describes the background in more detail.',
    'A [recording of the briefing] has been posted online.',
  ],
  headings: [
    'What happens next',
    'Background',
    'The wider picture',
    'Reaction',
    'Key figures',
    'Why it matters',
    'What officials say',
    'Looking ahead',
  ],
  listHeadings: ['What we know', 'Key points', 'At a glance'],
  boldLeads: ['Why it matters.', 'The background.', 'What comes next.', 'The context.'],
  statementIntros: {
    world: (c) => `In a written statement, ${c.country.adj} officials said:`,
    russia: () => 'The city administration said in a statement:',
    economy: (c) => `The economy ministry of ${c.country.name} said in a statement:`,
    defense: (c) => `The defence ministry of ${c.country.name} said in a statement:`,
    politics: (c) => `The government of ${c.country.name} said in a statement:`,
    science: () => 'The team behind the work said in a statement:',
  },
  statements: {
    world: [
      'We remain committed to dialogue and expect all parties to honour their obligations.',
      'We will continue to work with our partners to find a balanced solution.',
      'Further details will be published once the consultations have been completed.',
    ],
    russia: [
      'Our priority is the safety of residents and the stable work of city services.',
      'All the necessary resources have been mobilised, and the situation is under control.',
      "We have taken note of residents' concerns and will respond to each of them.",
    ],
    economy: [
      'The measures announced today are proportionate, temporary and subject to review.',
      'The economy remains resilient, and we see no reason to change our forecast.',
      'We will continue to monitor the situation on the markets closely.',
    ],
    defense: [
      'These steps are defensive in nature and are not directed against any state.',
      'The armed forces will continue to carry out their tasks as planned.',
      'We remain open to dialogue on measures to build confidence.',
    ],
    politics: [
      'The government will continue to work in the interests of all citizens.',
      'We respect the will of the voters and the work of parliament.',
      'Further details will be announced in the coming days.',
    ],
    science: [
      'We are grateful to everyone who made this work possible.',
      'The results will be shared openly with the scientific community.',
      'This is an important milestone, and there is a lot of work ahead.',
    ],
  },
  embedTitle: (c) => `Video: scenes from ${c.city}`,
  note: 'This story will be updated as more information becomes available.',
  sourceLine: (source) => `Additional reporting by ${source}.`,
}
