// Questions that name one write-up: its name is met by every fact of it, so the rest of the question picks the fact
// ("what did the copper kettle attacker do for persistence" leads with the persistence step, not with the summary
// that repeats the name); a name typed with its words shortened ("cop kettle") still names it; "who was the copper
// kettle insider" asks for its actor; "how did copper kettle find out" gets the fact that says who told them; "how
// long did it take to detect" with no detection date gets the length of time the sources state.
// Made-up write-up; the project's own synonym groups and language.
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../src/core/answer.js';
import { createKnowledgeBase } from '../../src/core/knowledge-base.js';
import { type IncidentInput, incidentSchema } from '../../src/core/model.js';
import { parseCommand } from '../../src/core/parse-command.js';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { respond } from '../../src/core/respond.js';
import { acrossData, answerText, projectSynonyms } from '../fixtures/core-across.js';

const kettleInput: IncidentInput = {
  id: 'copper-kettle',
  title: 'Copper Kettle Roasters (2019)',
  aliases: ['Copper Kettle'],
  victim: 'Copper Kettle',
  summary:
    'In 2019 Copper Kettle Roasters, the Copper Kettle coffee subscription service, was breached: Copper Kettle lost the card data of its Copper Kettle subscribers.',
  status: { text: 'The former contractor was sentenced.', asOf: '2021-03', sources: ['k-src'] },
  dates: { start: '2019-04-02', disclosed: '2019-05-20' },
  timeline: [
    { id: 'k-start', date: '2019-04-02', title: 'Copper Kettle suffers a breach', sources: ['k-src'] },
    { id: 'k-told', date: '2019-05-20', title: 'Copper Kettle tells its subscribers', sources: ['k-src'] },
    {
      id: 'k-sentenced',
      date: '2020-11-02',
      title: 'Ona Vance is sentenced after pleading guilty',
      sources: ['k-src'],
    },
    {
      id: 'k-prison',
      date: '2021-01-05',
      title: 'Ona Vance begins a sentence of 18 months in prison',
      sources: ['k-src'],
    },
  ],
  victims: [
    {
      id: 'k-fig-early',
      kind: 'figure',
      name: 'Cards exposed (company, May 2019)',
      count: 'about 4,000',
      impact: 'The company first said about 4,000 subscriber cards were exposed.',
      date: '2019-05-20',
      sources: ['k-src'],
      supersededBy: 'k-fig-late',
      correctionNote: 'The court later put it at 9,000 cards.',
    },
    {
      id: 'k-fig-late',
      kind: 'figure',
      name: 'Cards exposed (court, 2020)',
      count: '9,000',
      impact: 'The court found that 9,000 subscriber cards were exposed.',
      date: '2020-11-02',
      sources: ['k-src'],
      corrects: ['k-fig-early'],
    },
  ],
  aftermath: [
    { id: 'k-cost', text: 'Refunds for the exposed cards cost the roaster about $80,000.', sources: ['k-src'] },
  ],
  attribution: {
    actor: 'Ona Vance',
    summary: 'Ona Vance, a former contractor of the roaster, was charged by prosecutors.',
    details: [],
  },
  technique: {
    summary: 'A former contractor signed in with a password that was never changed after the contract ended.',
    details: [
      {
        id: 'k-persist',
        title: '',
        text: 'Once inside, the intruder created a second administrator account for persistence and scheduled a nightly export.',
        sources: ['k-src'],
      },
      {
        id: 'k-alarm',
        title: '',
        text: 'A payment processor noticed fraud on cards used at the roaster and notified the company in May.',
        sources: ['k-src'],
      },
      {
        id: 'k-span',
        title: '',
        text: 'The time from the first sign-in to detection was about six weeks, and the stolen password had been reused for two years.',
        sources: ['k-src'],
      },
    ],
  },
  sources: [
    {
      id: 'k-src',
      publisher: 'Example Writer',
      title: 'Write-up copper-kettle',
      url: 'https://example.com/copper-kettle',
      kind: 'research',
    },
  ],
  origin: 'breaches.cloud',
};

const vaultInput: IncidentInput = {
  id: 'ironvault',
  title: 'IronVault (2017)',
  victim: 'IronVault',
  summary: 'In 2017 the backup service IronVault was wiped by an intruder who held its cloud console password.',
  status: { text: 'Closed.', asOf: '2018-01', sources: ['v-src'] },
  dates: { start: '2017-03-01' },
  timeline: [
    { id: 'v-wipe', date: '2017-03-01', title: 'Iron Vault is hit with a flood of traffic', sources: ['v-src'] },
  ],
  attribution: { actor: 'Unknown', summary: 'Nobody was ever named as the intruder.', details: [] },
  sources: [
    {
      id: 'v-src',
      publisher: 'Example Writer',
      title: 'Write-up ironvault',
      url: 'https://example.com/iv',
      kind: 'research',
    },
  ],
  origin: 'breaches.cloud',
};

const base = acrossData();
const kb = createKnowledgeBase({
  ...base,
  incidents: [...base.incidents, incidentSchema.parse(kettleInput), incidentSchema.parse(vaultInput)],
  synonyms: projectSynonyms(),
});
const now = new Date('2025-01-01T00:00:00Z');
const ask = (text: string): Answer => respond(kb, parseCommand(text, kb), { now });
const lead = (a: Answer) => `${a.title}\n${a.facts[0]?.text ?? ''}`;

describe('a question naming one incident searches what else it says', () => {
  it('the persistence step leads, not the summary that repeats the name', () => {
    const a = ask('what did the copper kettle attacker do for persistence');
    expect(a.kind).toBe('answer');
    expect(a.incident).toBe('copper-kettle');
    expect(lead(a)).toContain('second administrator account');
  });
});

describe('"how did X find out": what raised the alarm', () => {
  it('the fact that says who told them leads, not the summary', () => {
    for (const q of [
      'how did copper kettle find out about the breach',
      'how was the copper kettle hack detected',
      'who caught the copper kettle breach',
    ]) {
      const a = ask(q);
      expect(a.kind).toBe('answer');
      expect(lead(a)).toContain('payment processor');
    }
  });
});

describe('reading detection and ordinals', () => {
  it('"what tipped X off" asks about detection', () => {
    expect(readQuestion(kb, 'what tipped copper kettle off').keyDates).toContain('detected');
  });
  it('"normally go after" is read as "usual targets", "push back" as "dispute"', () => {
    const terms = (q: string) => readQuestion(kb, q).query.terms.map((t) => t.term);
    expect(terms('who do they normally go after')).toEqual(expect.arrayContaining(['usual', 'target']));
    expect(terms('did they push back on it')).toContain('disput');
    expect(terms('what did they use historically')).toContain('past');
  });
  it('"2nd" is read as "second"', () => {
    const concept = readQuestion(kb, 'the 2nd incident').query.concepts.find((c) => c.text === '2nd');
    expect(concept?.terms.map((t) => t.term)).toContain('second');
  });
});

describe('"how did they get into X\'s cloud environment in <year>": how the attack on X worked', () => {
  it("a part of the target and the incident's own year leave the question about the whole attack", () => {
    const a = ask("how did the intruder get into copper kettle's cloud environment in 2019");
    expect(a.kind).toBe('answer');
    expect(a.intent).toBe('technique');
    expect(a.title).toMatch(/^How the .* attack worked/);
  });
  it.each(['how did copper kettle get broken into', 'how did the hacker get into copper kettle in the first place'])(
    '"%s": words of getting in are no subject of their own',
    (q) => {
      const a = ask(q);
      expect(a.kind).toBe('answer');
      expect(a.title).toMatch(/^How the .* attack worked/);
    },
  );
});

describe('"what happened to X after the <year> breach": what followed, not the events of the year', () => {
  it('is no timeline of the year', () => {
    const a = ask('what happened to copper kettle after the 2019 breach');
    expect(a.kind).toBe('answer');
    expect(a.intent).not.toBe('timeline');
  });
  it('"what happened in april 2019", a part of the incident\'s span, is still the timeline of the period', () => {
    expect(ask('what happened to copper kettle in april 2019').intent).toBe('timeline');
  });
  it('"what happened to X in 2019", the year that holds all of it, is what happened to X (core-whole-period)', () => {
    expect(ask('what happened to copper kettle in 2019').title).toBe(ask('what happened to copper kettle').title);
  });
});

describe('"who was behind the X data breach": the words for the attack are no subject', () => {
  it('the actor leads', () => {
    const a = ask('who was behind the copper kettle data breach');
    expect(a.kind).toBe('answer');
    expect(a.title).toContain('Ona Vance');
  });
});

describe('a known word behind a prefix', () => {
  it('"ex-contractor" is a known word, not the name of an incident that is not loaded', () => {
    expect(readQuestion(kb, 'how many cards did the ex-contractor take from copper kettle').unknown).toBeUndefined();
  });
  it('"t-mobile" is no prefix with a known word: still a name never seen', () => {
    expect(readQuestion(kb, 'how many cards did the t-mobile hackers take').unknown?.name).toContain('t-mobile');
  });
});

describe('"how long": a length of time the sources state', () => {
  it('no detection date is recorded: the stated time to detection leads', () => {
    const a = ask('how long did it take copper kettle to detect the breach');
    expect(a.kind).toBe('answer');
    expect(a.intent).toBe('duration');
    expect(lead(a)).toContain('six weeks');
  });
});

describe('"what was X sentenced to": the fact that gives the sentence', () => {
  it('the row with the length of the sentence leads, not the row that only says sentenced', () => {
    const a = ask('what did ona vance get sentenced to');
    expect(a.kind).toBe('answer');
    expect(lead(a)).toContain('18 months');
  });
});

describe('"how many did they say in <month year>": the count of then, with its correction', () => {
  it('a question dated like the first count gets it first, marked as corrected', () => {
    const a = ask('how many cards did copper kettle say were exposed in may 2019');
    expect(a.kind).toBe('answer');
    expect(a.facts[0]?.text).toContain('about 4,000');
    expect(a.facts.some((f) => f.text.includes('9,000'))).toBe(true);
  });
  it('"how much did it cost": an amount of money, not a count of cards', () => {
    const a = ask('how much did the 9,000 exposed cards cost');
    expect(a.kind).toBe('answer');
    expect(lead(a)).toContain('$80,000');
  });
  it('"how many did they originally say": the first count leads, marked as corrected', () => {
    const a = ask('how many cards did copper kettle originally say were exposed');
    expect(a.kind).toBe('answer');
    expect(a.facts[0]?.text).toContain('about 4,000');
    expect(a.facts.some((f) => f.text.includes('9,000'))).toBe(true);
  });
  it('"their first disclosure said how many": the first count leads, marked as corrected', () => {
    for (const q of [
      "copper kettle's first disclosure said how many cards were exposed",
      'how many cards were exposed at copper kettle, per the first estimate',
    ]) {
      const a = ask(q);
      expect(a.kind).toBe('answer');
      expect(a.facts[0]?.text).toContain('about 4,000');
    }
  });
  it('without a date, the later count leads', () => {
    const a = ask('how many cards were exposed at copper kettle');
    expect(a.facts[0]?.text).toContain('9,000');
  });
});

describe('an incident name typed with its words shortened', () => {
  it('"cop kettle" names Copper Kettle, and is no unknown name', () => {
    const a = ask('cop kettle - who was behind it');
    expect(a.kind).toBe('answer');
    expect(a.incident).toBe('copper-kettle');
    expect(answerText(a)).toContain('Ona Vance');
  });
  it('a word that starts no name word stays unknown', () => {
    const a = ask('who hacked zanzibar kettle');
    expect(a.kind).not.toBe('answer');
  });
});

describe('a one-word name typed as two words', () => {
  it('"iron vault" names IronVault, and "who was behind" it gets its attribution', () => {
    const a = ask('who was behind the iron vault breach');
    expect(a.kind).toBe('answer');
    expect(a.intent).toBe('actor');
    expect(lead(a)).toContain('Nobody was ever named');
  });
});

describe('"who did <what the incident was>": its actor', () => {
  it('the fact that tells the deed best does not say who; the attribution does', () => {
    const a = ask('who stole the card data of copper kettle subscribers');
    expect(a.kind).toBe('answer');
    expect(a.intent).toBe('actor');
    expect(lead(a)).toContain('Ona Vance');
  });
});

describe('"who was the X insider": a role, not a name, asks for the actor', () => {
  it('the named incident’s actor answers', () => {
    const a = ask('who was the copper kettle insider guy');
    expect(a.kind).toBe('answer');
    expect(a.intent).toBe('actor');
    expect(lead(a)).toContain('Ona Vance');
  });
});
