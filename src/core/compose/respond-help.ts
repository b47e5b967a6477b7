/** `help`: what can be asked, with examples taken from the loaded knowledge base. */
import type { Answer } from '../answer.js';
import { incidentName, makeAnswer } from '../answer-base.js';
import type { Ask } from '../ask-context.js';
import { defang } from '../search/defang.js';

export function respondHelp(ask: Ask, message?: string): Answer {
  const { kb, incident } = ask;
  const name = incident ? incidentName(incident) : 'the loaded incidents';
  const ip = incident?.indicators.find((i) => i.type === 'ip');
  // a term the first recommendation names ("MailboxRead"), else a short one
  const advice = incident?.recommendations[0];
  const term =
    incident?.glossary.find((g) => advice && `${advice.title} ${advice.lookFor ?? ''}`.includes(g.term)) ??
    incident?.glossary.find((g) => g.term.length <= 20 && !g.term.includes('('));
  const others = kb.incidents.length - 1;
  const exampleId = kb.incidents.find((i) => i !== incident)?.id ?? incident?.id ?? 'incident-id';
  const intro =
    kb.incidents.length === 0
      ? 'No incidents are loaded yet, so there is nothing to answer from.'
      : `I answer questions about ${incident?.title ?? name}${others > 0 ? ` and ${others} other incident${others === 1 ? '' : 's'} (\`incidents\`)` : ''}, from a curated knowledge base where every fact cites its source.`;
  const person = incident?.victims.find((v) => v.kind === 'person' && v.role && v.role.length <= 40);
  const examples = [
    'when was it first spotted?',
    'how long until it was disclosed?',
    person?.role
      ? `was the ${person.role.replace(/^(US|U\.S\.)\s+/, '').toLowerCase()} affected?`
      : 'who was affected?',
    term ? `what is ${term.term}?` : 'what was stolen?',
    ip ? `is ${defang(ip.value)} linked to this?` : 'who did it?',
  ];
  return makeAnswer(kb, {
    intent: 'help',
    incident: incident?.id ?? null,
    title: 'What you can ask me',
    sections: [
      { text: message ? `${message}\n\n${intro}` : intro },
      {
        heading: 'Commands',
        items: [
          { label: 'timeline', text: 'key events; add a month, a year, a range (2023-05-01..2023-06-30) or words' },
          { label: 'victims', text: 'who was affected, and how many' },
          { label: 'logging', text: 'what to log and look for to detect this' },
          { label: 'indicators', text: 'IPs, key thumbprints, user agents; add one to look it up' },
          {
            label: 'hunt',
            text: 'hunting queries to run in your SIEM: `hunt kql`, `hunt spl`, `hunt powershell`, `hunt sigma`',
          },
          { label: 'actor', text: 'who is behind it' },
          { label: 'technique', text: 'how the attack worked' },
          { label: 'status', text: 'where things stand now' },
          { label: 'sources', text: 'where the facts come from' },
          {
            label: 'incidents',
            text: `the incidents I know; put one first to ask about it (\`${exampleId} timeline\`)`,
          },
          { label: 'digest', text: 'scheduled updates in a channel: `digest daily 09:00 Europe/Berlin`, `digest off`' },
          { label: 'feedback', text: "for the knowledge base's owners: this week's 👍 / 👎 and unanswered questions" },
        ],
      },
      { heading: 'Or just ask', items: examples.map((text) => ({ text })) },
    ],
    suggestions: ['timeline', 'victims', 'logging'],
    confidence: 1,
    question: ask.question,
  });
}
