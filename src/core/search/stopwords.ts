/**
 * Words that carry no search meaning: function words, question words and chat filler ("hey", "pls", "thanks",
 * "gimme", "officially", "when it came out").
 * They still count for intent rules, which read the whole question before these are dropped.
 */
const WORDS = `
a about above across after again against all almost also am an and any anyone anything are aren arent around as
at away be became because been before being below between both but by can cannot cant could couldnt did didnt do
does doesnt doing done dont during each either else enough etc even ever every for from further get gets
getting go goes going gone got had hadnt has hasnt have havent having he her here hers herself him himself his
how however i id if ill im in into is isnt it its itself ive just kind know let lets like may maybe me might mine
more most much must my myself need needs no nor not now of off on once one only onto or other others our ours
ourselves out over own per please pls plz quite rather really said same say says see seem seems shall she should
shouldnt since so some something somebody someone still such sure tell than thank thanks thx that thats the their
theirs them themselves then there theres these they theyre thing things this those though through thus to too
ones ex
toward towards u under until up upon us very via want wanna was wasnt way we well were werent what whats whatever
when whens where wheres whether which while who whos whom whose why will with within without wonder wondering
would wouldnt yeah yes yet you your youre yours yourself yourselves
exactly actually basically precisely specifically anyway
hi hello hey heya hiya yo ok okay cool great nice good morning afternoon evening folks team guys everyone
bot breachbot anybody can could quick question q ask asking asked wondering curious explain describe give show
list find look looking lookup info information details detail tell know knew known understand mean means meant
happen happened happening happens occur occurred
gimme lemme gonna gotta kinda sorta dunno tho btw fyi lol idk imo imho till til officially formally supposedly
apparently literally honestly came come comes coming
besides except excluding aside apart beyond
`;

/**
 * Content words too general to answer a question on their own ("what data", "where can I read more"): they count
 * for little, and a question made only of them is not answered from search.
 */
const WEAK = `
data info information stuff thing things read say said tell told make made use used using work working works need
needs want way kind type types part lot bit more much many some people person someone anything everything
something good bad new old big small happen right wrong real true false question answer answers help story
stories news article articles headline headlines time times day days year years date dates place point case fact facts
deal name names called call whole mess take takes took taking
older oldest famous infamous notorious notable major page pages chance chances
`;

export const WEAK_WORDS: ReadonlySet<string> = new Set(WEAK.split(/\s+/).filter(Boolean));

export const STOP_WORDS: ReadonlySet<string> = new Set(WORDS.split(/\s+/).filter(Boolean));

/** True for a word that search ignores. */
export function isStopWord(word: string): boolean {
  return STOP_WORDS.has(word);
}
