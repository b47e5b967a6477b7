// Everyday idioms and words that the facts put otherwise: "end up with" and "in the end" ask for no end date,
// a company that "lost" money is the one a theft was "from", and "crypto" is "cryptocurrency". Made-up write-up;
// the project's own language and synonym data.
import { describe, expect, it } from 'vitest';
import { analyzeQuery } from '../../src/core/reading/query.js';
import { expandContractions, readQuestion } from '../../src/core/reading/read-question.js';
import { termOf } from '../../src/core/search/tokenize.js';
import { leadOf, madeUpWriteup, projectKbWith } from '../fixtures/core-across.js';
import { ternInput } from '../fixtures/core-tern.js';

const { kb, ask } = projectKbWith(ternInput);

describe('idioms that name no date', () => {
  it('"end up with" and "in the end" ask for no end date', () => {
    expect(readQuestion(kb, 'how did they end up with all the engineer codes').keyDates).not.toContain('end');
    expect(readQuestion(kb, 'what happened to tern tools in the end').keyDates).not.toContain('end');
    expect(readQuestion(kb, 'when did the tern tools intrusion end').keyDates).toContain('end');
  });
});

describe('being told of it is learning of it', () => {
  it.each(['when did the vendor get told about it', 'when was the vendor first told', 'when was the vendor informed'])(
    '"%s" asks when it was detected',
    (q) => {
      expect(readQuestion(kb, q).keyDates).toEqual(['detected']);
    },
  );
  it('what the vendor told the board asks for no date', () => {
    expect(readQuestion(kb, 'what the vendor told the board about how they got in').keyDates).not.toContain('detected');
  });
});

describe('"any chance" is chat, not a slip for "change"', () => {
  it('is never corrected to a word the facts use', () => {
    const { kb: changing } = projectKbWith(
      madeUpWriteup({
        id: 'wren-change',
        title: 'Wren Change (2021)',
        summary: 'In 2021 an intruder forced a change of every password at Wren Change.',
        dates: { start: '2021-01-01' },
      }),
    );
    const q = readQuestion(changing, 'any chance the intruder comes back to wren change?').query;
    expect(q.corrections.map((c) => c.from)).not.toContain('chance');
  });
});

describe('words written as alternatives ("rotate/revoke") are one concept', () => {
  it('either word meets it', () => {
    const text = (q: string) => readQuestion(kb, q).query.concepts.map((c) => c.text);
    expect(text('when did they rotate/revoke the signing key')).toContain('rotate revoke');
    expect(text('when did they rotate and revoke the signing key')).not.toContain('rotate revoke');
  });
});

describe('"personally" stresses who; it is no word to find', () => {
  it('leaves no "personal" for facts about personal data to meet', () => {
    const concepts = readQuestion(kb, 'what did the regulator order the tern tools ceo to do personally').query
      .concepts;
    expect(concepts.flatMap((c) => c.own)).not.toContain(termOf('personally'));
    expect(concepts.map((c) => c.text)).toContain('ceo');
  });
});

describe('"in front of" names where, not a word to find', () => {
  it('leaves no "front" for the facts to meet', () => {
    const concepts = readQuestion(kb, 'did the tern tools ceo accept blame in front of congress').query.concepts;
    expect(concepts.map((c) => c.text)).not.toContain('front');
    expect(concepts.map((c) => c.text)).toContain('blame');
  });
});

describe('words the facts put otherwise', () => {
  it('the company that "lost crypto" is the one the theft of cryptocurrency was from', () => {
    const a = ask('which company lost crypto tied to the tern tools incident?');
    expect(a.kind).toBe('answer');
    expect(leadOf(a)).toContain('Birch Vault');
  });
});

describe('what would have prevented it', () => {
  it('"wouldve" is "would have"; "x-style" is the name and the word apart', () => {
    expect(expandContractions('what wouldve stopped it')).toBe('what would have stopped it');
    expect(expandContractions('the fix for a tern-style attack')).toBe('the fix for a tern style attack');
  });

  it('"theyd", "youre", "theyve" typed without the apostrophe are the words they stand for', () => {
    expect(expandContractions('when did they say theyd fix it')).toBe('when did they say they would fix it');
    expect(expandContractions('Youre sure theyve rotated it?')).toBe('You are sure they have rotated it?');
    // a word that only looks like one stays as typed
    expect(expandContractions('they were there, youth ventured')).toBe('they were there, youth ventured');
    expect(
      readQuestion(kb, 'when did tern say theyd lock the intruder out').query.concepts.some((c) => c.unknown),
    ).toBe(false);
  });

  it('asks for the lessons: "what would have stopped it", "the fix for that kind of attack"', () => {
    expect(readQuestion(kb, 'what wouldve stopped the tern tools phishing trick').kind).toBe('list:lessons');
    expect(readQuestion(kb, "what's the fix for the tern-style attack").kind).toBe('list:lessons');
    expect(readQuestion(kb, "what's the #1 fix to stop an attack like tern's").kind).toBe('list:lessons');
    expect(readQuestion(kb, 'what setting would block the tern-style phishing').kind).toBe('list:lessons');
    expect(readQuestion(kb, 'what stopped the tern tools intruder').kind).not.toBe('list:lessons');
  });

  it('"what should we take from X" asks for its lessons; "what did they take from X" does not', () => {
    expect(readQuestion(kb, 'what should we take from the tern tools wipe').kind).toBe('list:lessons');
    expect(readQuestion(kb, 'what can orgs take away from the tern tools wipe').kind).toBe('list:lessons');
    expect(readQuestion(kb, 'what did the intruder take from tern tools').kind).not.toBe('list:lessons');
  });
});

describe('more of the way people write', () => {
  it('a web address names the company: "ternbox.com" is Ternbox', () => {
    expect(readQuestion(kb, 'when was the ternbox.com attack').incident?.id).toBe('tern-tools');
    expect(readQuestion(kb, 'how much did ternbox.info lose').incident?.id).toBe('tern-tools');
  });

  it('what the asker wants it for ("for tuning …", "building a hunt", "wondering if …") is context', () => {
    const plain = readQuestion(kb, 'when did ternbox lock the intruder out').words;
    for (const q of [
      'when did ternbox lock the intruder out, for tuning our alerting windows',
      'when did ternbox lock the intruder out? building a timeline for the board',
      'when did ternbox lock the intruder out? wondering if our alert would have fired',
      'when did ternbox lock the intruder out? some articles say august',
      'journalist here: when did ternbox lock the intruder out',
      'prepping a board slide - when did ternbox lock the intruder out',
    ])
      expect(readQuestion(kb, q).words).toEqual(plain);
    // "for my boss:" before the question is no such part: the question stays
    expect(readQuestion(kb, 'for my boss: when did ternbox lock the intruder out, roughly').words).toContain('lock');
  });

  it('"his job" in a name slot is someone\'s thing, no incident\'s name', () => {
    expect(readQuestion(kb, 'what was his job when he got hacked').unknown).toBeUndefined();
    expect(readQuestion(kb, 'when did zorblax get hacked').unknown?.name).toBe('zorblax');
  });

  it('"is it true …", "true or false:", "i heard …" before a claim: the claim is what is asked', () => {
    const claim = readQuestion(kb, 'the intruder got in through a crash dump');
    for (const q of [
      'is it true the intruder got in through a crash dump?',
      'Is it true that the intruder got in through a crash dump',
      'true or false: the intruder got in through a crash dump',
      'i heard the intruder got in through a crash dump?',
    ]) {
      expect(readQuestion(kb, q).words).toEqual(claim.words);
      expect(readQuestion(kb, q).unknown).toBeUndefined();
    }
    // a name it does not hold is still one after the opener
    expect(readQuestion(kb, 'is it true zorblax got hacked in 2022?').unknown?.name).toBe('zorblax');
  });

  it('"any evidence …", "is there any evidence that …": what follows is what is asked, "evidence" no word of it', () => {
    const claim = readQuestion(kb, 'the intruder got in through a crash dump');
    for (const q of [
      'any evidence the intruder got in through a crash dump?',
      'is there any evidence that the intruder got in through a crash dump',
      'any sign that the intruder got in through a crash dump',
    ]) {
      expect(readQuestion(kb, q).words).toEqual(claim.words);
    }
    // "what evidence did they find" asks for the evidence
    expect(readQuestion(kb, 'what evidence did the vendor find').words).toContain('evidence');
  });

  it('"zlack had its repos stolen": the one whose things they were is a name, never a slip for a word', () => {
    const withLack = projectKbWith(
      ternInput,
      madeUpWriteup({
        id: 'harbor-grid',
        title: 'Harbor Grid (2014)',
        summary: 'Harbor Grid lost its machines to an extortionist through a lack of separate backups.',
        dates: { start: '2014-06-17', end: '2014-06-18' },
        timeline: [{ id: 'h-start', date: '2014-06-17', title: 'Harbor Grid is taken over', sources: ['h-src'] }],
      }),
    ).kb;
    expect(readQuestion(withLack, 'zlack had its github repos stolen at the end of 2022, how?').unknown?.name).toBe(
      'zlack',
    );
  });

  it('"a cabinet secretary\'s mailbox got popped": someone described, not an incident\'s name', () => {
    expect(readQuestion(kb, "a cabinet secretary's mailbox got popped? who?").unknown).toBeUndefined();
    // no one's: a name it has never seen after "a" is still one
    expect(readQuestion(kb, 'a zorblax employee got phished, what happened').unknown?.name).toMatch(/zorblax/);
  });

  it('"i heard …" after the question is context, not the question', () => {
    expect(readQuestion(kb, 'what happened to ternbox? i heard the company just died').words).toEqual(
      readQuestion(kb, 'what happened to ternbox').words,
    );
  });

  it('"in plain words", "the actual", "exact": how the asker frames it, not words to search for', () => {
    for (const q of [
      'what was the actual flaw, in plain words',
      'what was the flaw in layman terms',
      'simply put, what was the flaw',
      'what was the exact flaw',
    ]) {
      const words = readQuestion(kb, q).query.concepts.map((c) => c.text);
      expect(words).toEqual(['flaw']);
    }
  });

  it('a name in a slot ends where "during", "after" or "before" starts', () => {
    expect(
      readQuestion(kb, 'how much crypto got drained from ternbox during the zorblax handover').unknown,
    ).toBeUndefined();
    expect(readQuestion(kb, 'what was stolen from ternbox after the glorp migration').unknown).toBeUndefined();
    expect(readQuestion(kb, 'how much crypto got drained from zorblax during the handover').unknown?.name).toBe(
      'zorblax',
    );
  });

  it('"popped" is hacked; "vulnerable" is a vulnerability; "react", "respond" are the response', () => {
    const terms = (q: string) => analyzeQuery(kb, q).concepts.flatMap((c) => c.terms.map((t) => t.term));
    expect(terms('when did ternbox get popped')).toContain(termOf('hacked'));
    expect(terms('which part was vulnerable')).toContain(termOf('vulnerability'));
    // "how did they react": the response, as the facts tag it
    expect(terms('how did ternbox react')).toContain(termOf('response'));
    expect(terms('how did ternbox respond')).toContain(termOf('response'));
    // "which state does he represent": a representative's
    expect(terms('which state does he represent')).toContain(termOf('representative'));
    // "how confident was the vendor": a degree of confidence, as the facts put it, not how the attack worked
    expect(terms('how confident was ternbox')).toContain(termOf('confidence'));
    expect(readQuestion(kb, 'how confident was ternbox that it was phishing').kind).toBe('search');
    // the review board as people describe it
    expect(terms('who chaired the federal board')).toContain(termOf('csrb'));
    // "trick" is "fooled" as a write-up puts it, never corrected into a word it only resembles ("track")
    expect(terms('how did they trick the server')).toContain(termOf('fooled'));
    // and it asks what they said or did, not how the attack worked
    expect(readQuestion(kb, 'how did ternbox respond to the review').kind).toBe('search');
    expect(readQuestion(kb, 'how did they get into ternbox').kind).toBe('how');
  });

  it('"open source" software is no request for the sources', () => {
    expect(readQuestion(kb, 'which open source tool did the ternbox intruder use').kind).not.toBe('list:sources');
    expect(readQuestion(kb, 'ternbox sources').kind).toBe('list:sources');
  });

  it('"take" says little on its own: a general word, not a search word', () => {
    const take = analyzeQuery(kb, 'what did they take from ternbox').concepts.find((c) => c.text === 'take');
    expect(take?.weak).toBe(true);
  });

  it('"what else could the key have unlocked": what it could reach, never a slip for "blocked"', () => {
    const unlocked = analyzeQuery(kb, 'what else could the key have unlocked').concepts.find((c) =>
      c.own.includes('unlock'),
    );
    expect(unlocked?.terms.map((t) => t.term)).toContain('reach');
  });

  it('"what was the initial access vector": how they got in, no term to define', () => {
    for (const q of [
      'what was the initial access vector at ternbox?',
      'whats the attack vector',
      'what was the entry point for the tern tools intrusion',
    ])
      expect(readQuestion(kb, q).kind).toBe('how');
    expect(readQuestion(kb, 'what is a vector').kind).not.toBe('how');
  });

  it('"what did they ship": what they released', () => {
    const ship = analyzeQuery(kb, 'what did the vendor ship after the hack').concepts.find((c) =>
      c.own.includes('ship'),
    );
    expect(ship?.terms.map((t) => t.term)).toContain(termOf('released'));
  });

  it('"mechanically how did they …": an adverb opens the question, no name of an incident', () => {
    expect(readQuestion(kb, 'Mechanically how did they trick the server into handing over the codes?').unknown).toBe(
      undefined,
    );
    expect(readQuestion(kb, 'zorblax how did they get in?').unknown?.name).toBe('zorblax');
  });

  it('"did any PII leak": personal data, a word the facts use, not a name', () => {
    expect(readQuestion(kb, 'did any PII leak from ternbox? how many?').unknown).toBeUndefined();
  });

  it('"in the first place" asks for nothing first', () => {
    expect(readQuestion(kb, 'how did they get in in the first place').words).not.toContain('first');
  });

  it('"get the codes" is coming by them; "get into the network" is not', () => {
    const had = analyzeQuery(kb, 'how did they get the codes').concepts.find((c) => c.text === 'get');
    expect(had?.filler).toBe(true);
    expect(had?.terms.map((t) => t.term)).toContain('obtain');
    expect(analyzeQuery(kb, 'how did they get into the network').concepts.some((c) => c.text === 'get')).toBe(false);
  });
});

describe('what belongs to a term', () => {
  it('"the panel\'s bottom line" is no definition of the panel; "what is the panel" is', () => {
    const verdict = ask("what was the review panel's bottom line on the tern tools intrusion?");
    expect(verdict.kind).toBe('answer');
    expect(verdict.title).not.toBe('Review Panel');
    expect(ask('what is the review panel').title).toBe('Review Panel');
  });
});

describe('general words are not typos', () => {
  it('"stuff" stays "stuff" though the facts say "staff" and never "stuff"', () => {
    const query = analyzeQuery(kb, 'what kind of stuff was in the tern tools emails');
    expect(query.corrections).toEqual([]);
    expect(query.words).toContain('stuff');
  });
});

describe('the value of an indicator type', () => {
  it('"whats the jarm for their proxies" wants the value; "whats jarm" wants the term', () => {
    expect(readQuestion(kb, 'whats the JARM for the proxies they flagged').kind).toBe('list:indicators');
    expect(readQuestion(kb, 'which jarm fingerprint should we hunt for').kind).toBe('list:indicators');
    expect(readQuestion(kb, 'whats jarm').kind).toBe('define');
  });
});

describe("a country's infrastructure is no attacker's", () => {
  it('"critical infrastructure sectors" asks for no indicators; "their infrastructure" does', () => {
    expect(readQuestion(kb, 'which critical infrastructure sectors were they in?').kind).not.toBe('list:indicators');
    expect(readQuestion(kb, 'what infrastructure did they use').kind).toBe('list:indicators');
    expect(readQuestion(kb, 'any ips for their infrastructure').kind).toBe('list:indicators');
    expect(readQuestion(kb, 'where was the attacker infrastructure hosted').kind).toBe('list:indicators');
  });
});

describe('claims', () => {
  it('"claimed" meets a fact that says "argued" or "contended"', () => {
    const claimed = analyzeQuery(kb, 'which company claimed the codes were synced').concepts.find(
      (c) => c.text === 'claimed',
    );
    const terms = claimed?.terms.map((t) => t.term) ?? [];
    expect(terms).toContain(termOf('argued'));
    expect(terms).toContain(termOf('contended'));
  });
});

describe('lawsuits and what they are worth', () => {
  it('"class action" meets "sued", "worth" meets "valued"', () => {
    const concepts = analyzeQuery(kb, 'how much was the class action settlement worth').concepts;
    const terms = (text: string) => concepts.find((c) => c.text === text)?.terms.map((t) => t.term) ?? [];
    expect(terms('class action')).toContain(termOf('sued'));
    expect(terms('worth')).toContain(termOf('valued'));
  });
});

describe('what to check, from a write-up that gives only lessons', () => {
  it('lists the lessons, the one that tells the reader to check something first', () => {
    const a = ask('after the tern tools thing, what should we check in our own tenant?');
    expect(a.intent).toBe('logging');
    expect(a.facts[0]?.id).toBe('l-3');
  });
});

describe('who the attackers were', () => {
  it('"who were the two hackers" asks for the actor', () => {
    expect(readQuestion(kb, 'who were the two hackers in the tern tools breach').kind).toBe('actor');
  });
});

describe('more chat and more words the facts put otherwise', () => {
  it('"walk me thru it" is chat noise', () => {
    expect(readQuestion(kb, 'how did they get the codes? walk me thru it').words).toEqual(
      readQuestion(kb, 'how did they get the codes').words,
    );
  });

  it('"pretext" meets "under the guise of"', () => {
    const pretext = analyzeQuery(kb, 'what was the phishing pretext').concepts.find((c) => c.text === 'pretext');
    expect(pretext?.terms.map((t) => t.term)).toContain(termOf('guise'));
  });
});

describe('how an answer is framed, and words for avoiding, launching and looking into', () => {
  it('"in a word" is chat noise', () => {
    expect(readQuestion(kb, 'the review panel verdict in a word').words).toEqual(
      readQuestion(kb, 'the review panel verdict').words,
    );
  });

  it.each(['in one line', 'in a sentence'])('"%s" is chat noise: no "line" or "sentence" to search for', (frame) => {
    expect(readQuestion(kb, `the review panel verdict ${frame}? need it for leadership`).words).toEqual(
      readQuestion(kb, 'the review panel verdict? need it for leadership').words,
    );
  });

  it('"avoided" meets "preventable", "rolled out" meets "launched", "pursued" meets "investigated"', () => {
    const termsOf = (q: string, text: string) =>
      analyzeQuery(kb, q)
        .concepts.find((c) => c.text === text)
        ?.terms.map((t) => t.term);
    expect(termsOf('could it have been avoided', 'avoided')).toContain(termOf('preventable'));
    expect(termsOf('what did they roll out', 'roll out')).toContain(termOf('launched'));
    expect(termsOf('which theories did they pursue', 'pursue')).toContain(termOf('investigated'));
    expect(termsOf('the security overhaul', 'overhaul')).toContain(termOf('initiative'));
  });

  it('"this whole mess" carries no search meaning', () => {
    const concepts = analyzeQuery(kb, 'this whole mess').concepts;
    expect(concepts.length).toBeGreaterThan(0);
    expect(concepts.every((c) => c.weak || c.filler)).toBe(true);
  });
});

describe('the codes an authenticator app makes', () => {
  it('"mfa codes" is one thing, met by a fact on the "MFA tokens"', () => {
    const texts = analyzeQuery(kb, 'how did they get all the mfa codes').concepts.map((c) => c.text);
    expect(texts).toContain('mfa codes');
    expect(texts).not.toContain('codes');
  });
});

describe('the parts of a log record, and "the X case"', () => {
  it('"which field" meets the values a fact names', () => {
    const field = analyzeQuery(kb, 'which field looked off').concepts.find((c) => c.text === 'field');
    expect(field?.terms.map((t) => t.term)).toContain(termOf('values'));
  });

  it('"in the tern tools case" names the incident, and "case" is no unknown name', () => {
    const r = readQuestion(kb, 'in the tern tools case how did the intruder get the codes');
    expect(r.unknown).toBeUndefined();
    expect(r.incident?.id).toBe('tern-tools');
  });
});

describe('the takeaway, and backups', () => {
  it('"what\'s the main takeaway from X" asks for the lessons, not a definition', () => {
    expect(readQuestion(kb, "what's the main takeaway from tern tools for our own tenant").kind).toBe('list:lessons');
  });

  it('"backups" meets "a copy of critical data"', () => {
    const backups = analyzeQuery(kb, 'where should backups live').concepts.find((c) => c.text === 'backups');
    expect(backups?.terms.map((t) => t.term)).toContain(termOf('copy'));
  });
});

describe('"one of the people whose …"', () => {
  it('"was X one of the agencies whose mail was read" is a victim check', () => {
    const q = 'was nasa one of the agencies whose mailboxes were read';
    expect(readQuestion(kb, q).kind).toBe('victim-check');
    expect(ask(q).kind).toBe('none');
    expect(readQuestion(kb, 'was the review panel one of the people whose inbox got read').kind).toBe('victim-check');
  });
});

describe('hearing of it', () => {
  it('"when did X first hear about it" asks for the detection date, and "hear" names nothing', () => {
    const r = readQuestion(kb, 'when did the vendor first hear about the tern tools hack');
    expect(r.keyDates).toContain('detected');
    expect(r.unknown).toBeUndefined();
  });
});

describe('chat words for things the facts name in full', () => {
  it('"walk it back", with the pronoun inside, is a retraction', () => {
    const walk = analyzeQuery(kb, 'when did they walk it back').concepts.find((c) => c.text.includes('walk'));
    expect(walk?.terms.map((t) => t.term) ?? []).toContain(termOf('withdrawn'));
  });

  it('records that "walked out the door" were stolen, and the phrase names nothing', () => {
    const r = readQuestion(kb, 'how many records walked out the door in the tern tools breach');
    expect(r.unknown).toBeUndefined();
    const walked = r.query.concepts.find((c) => c.text.includes('door'));
    expect(walked?.terms.map((t) => t.term) ?? []).toContain(termOf('stolen'));
  });

  it('"recs" are recommendations', () => {
    const recs = analyzeQuery(kb, 'what were the board recs').concepts.find((c) => c.text === 'recs');
    expect(recs?.terms.map((t) => t.term) ?? []).toContain(termOf('recommendations'));
  });
});
