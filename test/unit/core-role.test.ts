// "Who chaired the board", "which assistant director was hit", "who was the vendor's CEO": a person asked for by
// the role they held is answered by the name the facts write with that role, in the sentence that best meets the
// rest of the question, with whose role it is ("Review Board Chair") weighing most. Made-up incident; the
// project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import type { IncidentInput } from '../../src/core/model.js';
import { projectKbWith } from '../fixtures/core-across.js';

const quayInput: IncidentInput = {
  id: 'quay-mail',
  title: 'Quay Freight mail intrusion (2022)',
  aliases: ['Quay Freight'],
  victim: 'Quay Freight',
  summary: 'In 2022 an intruder read Quay Freight mailboxes through a stolen vendor password.',
  status: { text: 'Closed.', asOf: '2023-06', sources: ['q-src'] },
  dates: { start: '2022-03-01', disclosed: '2022-04-10' },
  timeline: [
    {
      id: 'q-port',
      date: '2022-04-12',
      title: 'The port authority asks questions',
      detail: 'Port Authority Chair Tom Reed wrote to the vendor asking how the password was stolen.',
      sources: ['q-src'],
    },
    {
      id: 'q-victims',
      date: '2022-04-15',
      title: 'Officials among the mailboxes read',
      detail:
        'Reports named Assistant Director of Harbor Security for Coastal Affairs Ana Ruiz among those whose mail was read.',
      sources: ['q-src'],
    },
    {
      id: 'q-director',
      date: '2022-04-16',
      title: 'More officials among the mailboxes read',
      detail: 'Reports also named Harbor Director Lena Ortiz among those whose mail was read.',
      sources: ['q-src'],
    },
    {
      id: 'q-review',
      date: '2023-05-02',
      title: 'The review board publishes its findings',
      detail:
        'The review board found the intrusion preventable. Review Board Chair Maria Lopez said the vendor must change.',
      sources: ['q-src'],
    },
    {
      id: 'q-ceo',
      date: '2023-05-20',
      title: 'The vendor changes its leadership',
      detail: "The vendor's CEO, Sam Hill, resigned after the review.",
      sources: ['q-src'],
    },
    {
      id: 'q-court',
      date: '2023-07-01',
      title: 'A court steps in at the vendor',
      detail:
        'The vendor filed for bankruptcy; founder Ann Lee resigned as CEO and Tom Gray appointed new CEO by the court.',
      sources: ['q-src'],
    },
    {
      id: 'q-envoys',
      date: '2022-04-20',
      title: 'Envoys among the mailboxes read',
      detail:
        'Reports said Ambassador Ann Park and Lee Cho were among those whose mail was read. The Assistant Director of Harbor Security for Coastal Affairs declined to comment.',
      sources: ['q-src'],
    },
    {
      id: 'q-verdict',
      date: '2024-02-01',
      title: 'A verdict and an apology',
      detail:
        'Quay Freight CEO Omar Diaz apologized to customers. The Chief Information Security Officer, Rita Vance, was later convicted for hiding the intrusion.',
      sources: ['q-src'],
    },
    {
      id: 'q-sentenced',
      date: '2024-05-01',
      title: 'Rita Vance is sentenced to two years of probation',
      sources: ['q-src'],
    },
    {
      id: 'q-rep',
      date: '2022-05-02',
      title: 'A lawmaker among the mailboxes read',
      detail: 'The FBI told Rep. Kim Vale (D-Ore.) that her campaign mail had been read.',
      sources: ['q-src'],
    },
  ],
  attribution: { actor: 'Unknown', summary: 'Nobody was named.', details: [] },
  sources: [
    {
      id: 'q-src',
      publisher: 'Example Writer',
      title: 'Quay write-up',
      url: 'https://example.com/q',
      kind: 'research',
    },
  ],
  origin: 'native',
};

const { ask } = projectKbWith(quayInput);

describe('a person asked for by their role', () => {
  it('the chair of the body the question names, not of another body', () => {
    const a = ask('who chaired the quay freight review board');
    expect(a.kind).toBe('answer');
    expect(a.title).toMatch(/^Maria Lopez/);
    expect(a.title).toContain('Chair');
  });

  it('the name at the end of a long role ("Assistant Director of … for … Affairs Ana Ruiz")', () => {
    const a = ask('which assistant director of harbor security had mail read in the quay freight intrusion');
    expect(a.kind).toBe('answer');
    expect(a.title).toMatch(/^Ana Ruiz/);
  });

  it('a name written after the role and a comma', () => {
    const a = ask('who was the quay freight vendor ceo that resigned');
    expect(a.kind).toBe('answer');
    expect(a.title).toMatch(/^Sam Hill/);
  });

  it('a role asked in general ("which executive") is any role the facts write', () => {
    const a = ask('which quay freight vendor executive resigned after the review');
    expect(a.kind).toBe('answer');
    expect(a.title).toMatch(/^Sam Hill/);
  });

  it('"who took over as CEO": the one the facts say was appointed, written before the role', () => {
    const a = ask('who took over as the quay freight vendor ceo in the bankruptcy');
    expect(a.kind).toBe('answer');
    expect(a.title).toMatch(/^Tom Gray/);
  });

  it('"and" never joins two names: "Ambassador Ann Park and Lee Cho" names Ann Park', () => {
    const a = ask('who was the quay freight ambassador whose mail was read');
    expect(a.kind).toBe('answer');
    expect(a.title).toMatch(/^Ann Park \(/);
  });

  it('the end of a qualifier with no name after it is no name ("… for Coastal Affairs declined")', () => {
    const a = ask('which quay freight assistant director for coastal affairs declined to comment');
    expect(a.title).not.toMatch(/^Coastal Affairs/);
  });

  it('a title of several words ends at its last role word: "Chief Information Security Officer, Rita Vance"', () => {
    const a = ask('which quay freight exec was convicted for hiding the intrusion');
    expect(a.kind).toBe('answer');
    // "Quay Freight CEO Omar Diaz" is the incident's own name before a role: it says nothing of whose role is asked
    expect(a.title).toMatch(/^Rita Vance \(/);
  });

  it('a role the facts write otherwise ("congresswoman" for "Rep."), the name before its brackets', () => {
    for (const q of [
      'which quay freight congresswoman had campaign mail read',
      'which lawmaker had campaign mail read in the quay freight intrusion',
    ]) {
      const a = ask(q);
      expect(a.kind).toBe('answer');
      expect(a.title).toBe('Kim Vale (Rep)');
    }
  });

  // "whose" after a noun tells which company; the question that follows asks what
  it.each([
    'the quay freight company whose security chief was convicted - what sentence did she get?',
    'the company whose security chief was convicted at quay freight - what was her sentence?',
  ])('"%s" asks no person', (q) => {
    expect(ask(q).title).not.toMatch(/^Rita Vance \(/);
  });

  it('"who was the security chief" still asks the person', () => {
    expect(ask('who was the quay freight security chief').title).toMatch(/^Rita Vance \(/);
  });

  it('a question that asks no person is not answered with one', () => {
    const a = ask('what did the quay freight review board find');
    expect(a.title).not.toMatch(/Maria Lopez|Tom Reed/);
  });

  it('a bare role ("which director") is a director before an assistant director, unless the question says so', () => {
    expect(ask('was any quay freight director among those whose mail was read? who').title).toMatch(/^Lena Ortiz/);
    expect(
      ask('which assistant director of harbor security had mail read in the quay freight intrusion').title,
    ).toMatch(/^Ana Ruiz/);
  });

  it('a role asked with a lesser word ("which assistant director") is one the facts write so, first', () => {
    // the director's sentence, closer to the question's other words, is no answer to it
    const { ask: askHacked } = projectKbWith({
      ...quayInput,
      timeline: [
        {
          id: 'q-hacked',
          date: '2022-04-11',
          title: 'A director reportedly hacked',
          detail: 'Port authority sources reportedly named hacked Harbor Director Lena Ortiz.',
          sources: ['q-src'],
        },
        ...(quayInput.timeline ?? []),
      ],
    });
    const q = 'which quay freight assistant director was reportedly hacked, port authority sources say';
    expect(askHacked(q).title).toMatch(/^Ana Ruiz/);
    expect(askHacked(q.replace('assistant ', '')).title).toMatch(/^Lena Ortiz/);
  });

  it('"who did <role> <name> write to": the name fills the role; the question asks for someone else', () => {
    const a = ask('who did chair reed write to about the quay freight password');
    expect(a.kind).toBe('answer');
    expect(a.title).not.toMatch(/^(Maria Lopez|Tom Reed) \(/);
    expect(`${a.title} ${a.facts[0]?.text ?? ''}`).toContain('wrote to the vendor');
  });

  it('"what did <role> <name> ask" asks what the named person did, not who held a role', () => {
    const a = ask('what did chair reed ask the quay freight vendor in his letter');
    expect(a.kind).toBe('answer');
    expect(a.title).not.toMatch(/^(Maria Lopez|Tom Reed) \(/);
    expect(`${a.title} ${a.facts[0]?.text ?? ''}`).toContain('how the password was stolen');
  });
});
