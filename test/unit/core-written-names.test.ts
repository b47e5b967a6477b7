// "What did the agency tell Zorbco customers to do?": a word capitalized in the middle of a question is written as
// a name. One the knowledge base has never seen is not "corrected" by two slips into a word it has (a vendor's name
// was read as "license"); it names something not loaded, and the question is declined instead of answered from the
// loaded incident.
import { describe, expect, it } from 'vitest';
import { readQuestion } from '../../src/core/reading/read-question.js';
import { alphaWithTechnique, fixtureKbWithAlpha } from '../fixtures/core-kb.js';

const { kb, ask } = fixtureKbWithAlpha(alphaWithTechnique());

describe('a word written as a name', () => {
  it('is corrected for one slip only: two make another name', () => {
    expect(kb.lexicon.correct('wobmeil')).toBe('webmail');
    expect(kb.lexicon.correct('wobmeil', true)).toBeUndefined();
    expect(kb.lexicon.correct('wabmail', true)).toBe('webmail');
  });

  it('names something not loaded when the knowledge base has never seen it, wherever it stands', () => {
    const reading = readQuestion(kb, 'What did the ministry tell Wobmeil customers to do?');
    expect(reading.unknown?.name).toBe('wobmeil');
    expect(reading.query.corrections).toEqual([]);
    expect(ask('What did the ministry tell Wobmeil customers to do?').kind).toBe('none');
  });

  it('typed in lower case it is still read as a slip', () => {
    expect(readQuestion(kb, 'what did the ministry tell wobmeil customers to do?').unknown).toBeUndefined();
  });

  it('a given name beside a surname the facts hold is that person ("Joe" for "Jane Placeholder")', () => {
    expect(readQuestion(kb, 'What did Joe Placeholder say?').unknown).toBeUndefined();
  });

  it('in a question about something else altogether it is not taken for an incident not loaded', () => {
    expect(readQuestion(kb, 'what is the best pizza topping in Zorbville?').unknown).toBeUndefined();
    expect(ask('what is the best pizza topping in Zorbville?').kind).toBe('none');
  });

  it('in capitals, four letters or more, it is a name too ("what was WOBMEIL")', () => {
    const q = 'What did the ministry tell WOBMEIL customers to do?';
    expect(readQuestion(kb, q).unknown?.name).toBe('wobmeil');
    expect(ask(q).kind).toBe('none');
    // a word the facts use, written in capitals, is that word
    expect(readQuestion(kb, 'What did the ministry tell WEBMAIL customers to do?').unknown).toBeUndefined();
  });

  it('in a question written all in capitals, no word is read as a name by its capitals', () => {
    expect(readQuestion(kb, 'WHAT DID THE MINISTRY TELL WOBMEIL CUSTOMERS TO DO?').unknown).toBeUndefined();
  });

  it('a plural abbreviation ("PCs") is no name', () => {
    expect(readQuestion(kb, 'how did the intruder get in? asking for our home PCs').unknown).toBeUndefined();
  });
});

// a loaded incident whose actor is also called "Quartz Squall", and which has a snapshot of its own
const family = fixtureKbWithAlpha({
  ...alphaWithTechnique({
    id: 'te-squall',
    title: 'The group',
    text: 'Quartz Squall, the vendor name for the group, took a database snapshot with the stolen key.',
    sources: ['s-vendor'],
  }),
  aliases: ['Alpha Cloud intrusion', 'Quartz Squall', 'Alpha Db Snapshot'],
});

// "When did Microsoft first publish on Volt Typhoon?" beside a loaded incident also called "Antique Typhoon": a
// name of the same family with a word never seen is another actor, though its family word is known
describe('a name of the same family as a loaded one', () => {
  it('names something not loaded', () => {
    expect(readQuestion(family.kb, 'When did the vendor first publish on Zorb Squall?').unknown?.name).toBe(
      'zorb squall',
    );
    expect(family.ask('When did the vendor first publish on Zorb Squall?').kind).toBe('none');
  });

  it('the loaded name itself is known', () => {
    expect(readQuestion(family.kb, 'When did the vendor first publish on Quartz Squall?').unknown).toBeUndefined();
  });

  // few other words the facts use: no incident asked about by its words, but the family name still names one
  it('names something not loaded in a question with few words the facts use', () => {
    const q = 'What living-off-the-land techniques is Zorb Squall known for?';
    expect(readQuestion(family.kb, q).unknown?.name).toBe('zorb squall');
    expect(family.ask(q).kind).toBe('none');
  });
});

// "is forest blizzard the same crew as the exec email hack" typed in lower case beside a loaded "Midnight
// Blizzard": still another member of the family; a short unseen word is an abbreviation ("db snapshot")
describe('a family name typed in lower case', () => {
  it('names something not loaded', () => {
    expect(readQuestion(family.kb, 'is zorb squall the same group as the alpha intruders?').unknown?.name).toBe(
      'zorb squall',
    );
    expect(family.ask('is zorb squall the same group as the alpha intruders?').kind).toBe('none');
  });

  it('the loaded name, and a short word before the family word, are not', () => {
    expect(readQuestion(family.kb, 'is quartz squall the same group as the alpha intruders?').unknown).toBeUndefined();
    expect(readQuestion(family.kb, 'when was the alpha xq snapshot taken?').unknown).toBeUndefined();
  });
});

// "t mobile 2021 breach how many customers": a lone letter before a word is a name typed without its hyphen
describe('a name of a letter and a word', () => {
  it('never seen, joined either way: names something not loaded', () => {
    expect(readQuestion(kb, 'j webmail 2021 breach how many customers').unknown?.name).toBe('j-webmail');
    expect(ask('j webmail 2021 breach how many customers').kind).toBe('none');
  });
});

// "and on the consumer side - when were the old tokens killed?": one side of the story, no name of another incident
describe('a side or part of the story', () => {
  it('is no name, though the facts never say "side"', () => {
    expect(readQuestion(kb, 'and on the webmail side - when was the key revoked?').unknown).toBeUndefined();
    expect(readQuestion(kb, 'ok, from the legal angle - when was it disclosed?').unknown).toBeUndefined();
    expect(readQuestion(kb, 'for attribution purposes, what hours was the actor active?').unknown).toBeUndefined();
  });
});

// "how did the attacker beat MFA?" beside a loaded incident called "… MFA": a name that ends in a technical term
// makes no family, and a verb before the term names nothing
const termNamed = fixtureKbWithAlpha({
  ...alphaWithTechnique({
    id: 'te-mfa',
    title: 'The intruders got past MFA',
    text: 'The intruders phished an engineer and got past MFA with a cloned token; MFA alone did not stop them.',
    sources: ['s-vendor'],
  }),
  aliases: ['Alpha Cloud intrusion', 'Alpha MFA'],
});

describe('a loaded name that ends in a technical term', () => {
  it('an unseen word before the term is no name of the same family', () => {
    expect(readQuestion(termNamed.kb, 'how did the intruders beat mfa?').unknown).toBeUndefined();
    expect(termNamed.ask('how did the intruders beat mfa?').kind).toBe('answer');
  });
});

// "what did the CSRB conclude in its Log4j report?": a word of letters and digits mixed that the facts never use
// names a product or flaw the knowledge base does not hold
describe('a word of letters and digits mixed', () => {
  it('never seen: names something not loaded', () => {
    expect(readQuestion(kb, 'what did the review board conclude in its zorb4x report?').unknown?.name).toBe('zorb4x');
    expect(ask('what did the review board conclude in its zorb4x report?').kind).toBe('none');
  });

  it('a plain word or a number beside it is not such a name', () => {
    expect(readQuestion(kb, 'what did the review board conclude in its 2023 report?').unknown).toBeUndefined();
  });
});
