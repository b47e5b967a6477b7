/**
 * The text `breachbot new incident ID` writes: a native incident file that passes `breachbot validate` as it is, with
 * a comment on every field saying what goes there. Placeholders are plain sentences to replace; lists that need real
 * facts are empty, with a commented example of one entry.
 */

/** The skeleton for incident `id`, dated `today` (`YYYY-MM-DD`). */
export function incidentSkeleton(id: string, today: string): string {
  return `# A breachbot incident file. Run \`breachbot validate\` after each change: it names every problem by line.
# Every fact cites at least one source id from \`sources\` at the end. Dates are YYYY, YYYY-MM or YYYY-MM-DD.

# The incident's id: lower-case letters, digits, dot, dash or underscore. A chat message that starts with it (or an
# alias) asks about this incident.
id: ${id}
# The full title, as a heading would show it.
title: "Replace with the incident's title"
# Other names people use for it (the actor's name, the vendor's name for the event). Chat matches them too.
aliases: []
# The organizations or people hit, in a few words.
victim: "Replace with who was affected"
# Two to four sentences: what happened, to whom, how it was found. Shown in overviews.
summary: >-
  Replace with a short summary of the incident.
# Where things stand now, as of a date, with its sources. validate warns when asOf grows old.
status:
  text: "Replace with the current status."
  asOf: ${today}
  sources: [replace-me]
# Key dates, each optional: first activity, last activity, detection, public disclosure.
dates: {}
# Free words for search and grouping ("email", "token-forgery").
tags: []
# Example questions the local page offers as chips when this incident is selected (at most 12).
examples: []
# Dated events in date order: id, date (endDate for a period), title, optional detail, tags and sources.
timeline: []
#  - id: tl-first-event
#    date: ${today}
#    title: What happened on that day
#    detail: One or two sentences of context.
#    sources: [replace-me]
# Who was affected: kind organization | person | figure (a count), name, impact, sources.
victims: []
#  - id: victim-example
#    kind: organization
#    name: Example Agency
#    impact: What happened to it.
#    sources: [replace-me]
# Who did it, if the sources say: actor, aliases, a summary, and sourced details.
# attribution:
#   actor: Name the sources use
#   summary: One sentence on who they are.
#   details: []
# How it was done: a summary and sourced steps.
# technique:
#   summary: One sentence on the method.
#   details: []
# What followed: investigations, findings, the vendor's changes (statements with sources).
aftermath: []
# What defenders should do: title, why, action, optional prerequisites and lookFor, sources.
recommendations: []
# Indicators of compromise: type ip | thumbprint | user-agent | hash | jarm | certificate | uri | pattern | domain,
# the value stored plain (never defanged), optional role, firstSeen, lastSeen, and sources.
indicators: []
#  - id: ioc-example-ip
#    type: ip
#    value: 192.0.2.10
#    firstSeen: ${today}
#    lastSeen: ${today}
#    sources: [replace-me]
# Terms a reader may not know: term, aliases, definition, sources.
glossary: []
# Lessons the sources draw (statements with sources).
lessons: []
# Hunting detections generated into KQL, SPL, PowerShell and Sigma by \`breachbot hunt\`: logs (mailbox-audit,
# sign-in, graph-activity, any), conditions whose values come from the indicators above, and sources.
detections: []
#  - id: indicator-ips
#    title: Sign-ins from the incident's IP addresses
#    why: Why a match matters for this incident.
#    logs: [sign-in]
#    where:
#      - field: clientIp
#        indicators: [ip]
#    sources: [replace-me]
# The day this file was last changed.
updated: ${today}
# Every source the facts cite: id, publisher, title, url (http or https), optional date, and kind (vendor,
# government, research, press, legislature, reference, other).
sources:
  - id: replace-me
    publisher: Replace with the publisher
    title: Replace with the source's title
    url: https://example.org/replace-with-the-source
    kind: other
`;
}
