// The local page: ask a question, show the answer as Slack, Teams and plain text, follow suggestions.
// Plain ES module, no framework and no build step.
import { el, externalLink, safeUrl } from './dom.js';
import { feedbackButtons } from './feedback.js';
import { renderPlainText } from './plain-text.js';
import { renderSlackMessage } from './slack-blocks.js';
import { NARROW, setUpTabs } from './tabs.js';
import { renderTeamsMessage } from './teams-card.js';

/** Chips when the selected incident gives no examples of its own: commands every incident answers. */
const GENERIC_EXAMPLES = ['timeline', 'indicators', 'recommendations', 'sources', 'help'];

const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
const form = /** @type {HTMLFormElement} */ ($('ask-form'));
const input = /** @type {HTMLInputElement} */ ($('question'));
const incidentSelect = /** @type {HTMLSelectElement} */ ($('incident'));
const askButton = /** @type {HTMLButtonElement} */ ($('ask-button'));
const status = $('status');
const result = $('result');

let pending = null;
/** @type {{ id: string, title: string, examples?: string[] }[]} */
let loadedIncidents = [];
let defaultIncidentId = null;

function chip(text, onClick) {
  const button = el('button', { type: 'button', class: 'chip' }, [text]);
  button.addEventListener('click', () => onClick(text, { focusAnswer: true }));
  return el('li', {}, [button]);
}

function setStatus(message, isError = false) {
  status.textContent = message;
  status.classList.toggle('is-error', isError);
}

function showSources(sources) {
  const list = $('sources');
  list.replaceChildren();
  for (const source of sources) {
    const href = safeUrl(source.url);
    const label = `${source.publisher}: ${source.title}`;
    list.append(
      el('li', typeof source.n === 'number' ? { value: String(source.n), id: `source-${source.n}` } : {}, [
        href ? externalLink(href, [label]) : label,
        source.date ? el('span', { class: 'meta' }, [` · ${source.date}`]) : null,
      ]),
    );
  }
  list.closest('section').hidden = sources.length === 0;
}

function showAnswer(data) {
  $('answer-title').textContent = data.title;
  const confidence = typeof data.confidence === 'number' ? `${Math.round(data.confidence * 100)}%` : '–';
  $('answer-meta').textContent =
    `${data.kind} · ${data.intent}${data.incident ? ` · ${data.incident}` : ''} · confidence ${confidence} · ` +
    `${data.facts.length} fact${data.facts.length === 1 ? '' : 's'}` +
    (data.asOf ? ` · as of ${data.asOf}` : '');
  result.dataset.kind = data.kind;
  const options = { onAsk: (text) => ask(text, { focusAnswer: true }) };
  $('slack').replaceChildren(renderSlackMessage(data.render.slack.blocks, options));
  $('teams').replaceChildren(renderTeamsMessage(data.render.teams.card, options));
  const correcting = data.facts.filter((f) => Array.isArray(f.corrects) && f.corrects.length > 0).map((f) => f.text);
  $('text').replaceChildren(renderPlainText(data.render.text, correcting));
  const rating = feedbackButtons(data);
  $('feedback').replaceChildren(...(rating ? [rating] : []));
  const suggestions = $('suggestions');
  suggestions.replaceChildren(...data.suggestions.map((s) => chip(s, ask)));
  suggestions.closest('section').hidden = data.suggestions.length === 0;
  showSources(data.sources);
  result.hidden = false;
}

/**
 * Asks the server and shows the answer. A newer question cancels an older one still in flight. Questions asked by a
 * button move the focus to the new answer's title, since the button itself is replaced.
 * @param {string} question
 * @param {{ focusAnswer?: boolean }} [options]
 */
async function ask(question, options = {}) {
  const text = question.trim();
  if (text === '') {
    setStatus('Type a question first.', true);
    input.focus();
    return;
  }
  input.value = text;
  pending?.abort();
  const controller = new AbortController();
  pending = controller;
  askButton.disabled = true;
  result.setAttribute('aria-busy', 'true');
  setStatus('Asking…');
  try {
    const body = { question: text };
    if (!incidentSelect.hidden && incidentSelect.value) body.incident = incidentSelect.value;
    const response = await fetch('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
      signal: controller.signal,
    });
    const data = await response.json();
    if (!response.ok) {
      setStatus(data.error ?? `The server answered ${response.status}.`, true);
      return;
    }
    showAnswer(data);
    setStatus(`Answer: ${data.title}`);
    if (options.focusAnswer) $('answer-title').focus();
    history.replaceState(null, '', `#q=${encodeURIComponent(text)}`);
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return;
    setStatus(`Could not reach breachbot: ${String(error)}`, true);
  } finally {
    if (pending === controller) {
      pending = null;
      askButton.disabled = false;
      result.removeAttribute('aria-busy');
    }
  }
}

async function loadInfo() {
  try {
    const response = await fetch('/api/info');
    if (!response.ok) return;
    const info = await response.json();
    const incidents = Array.isArray(info.incidents) ? info.incidents : [];
    $('kb-info').textContent =
      `Knowledge base ${info.version}: ${incidents.length} incident${incidents.length === 1 ? '' : 's'} loaded.`;
    loadedIncidents = incidents;
    defaultIncidentId = info.defaultIncident ?? null;
    showExamples();
    if (incidents.length > 1) {
      const fallback = incidents.find((i) => i.id === info.defaultIncident);
      incidentSelect.replaceChildren(
        el('option', { value: '' }, [`Incident: auto${fallback ? ` (${fallback.id})` : ''}`]),
        ...incidents.map((i) => el('option', { value: i.id }, [`${i.id}: ${i.title}`])),
      );
      incidentSelect.hidden = false;
    }
  } catch {
    // the page still works without the incident list
  }
}

form.addEventListener('submit', (event) => {
  event.preventDefault();
  void ask(input.value);
});

/** Example chips from the selected incident's data (or the default incident's), else generic commands. */
function showExamples() {
  const id = (!incidentSelect.hidden && incidentSelect.value) || defaultIncidentId;
  const incident =
    loadedIncidents.find((i) => i.id === id) ?? (loadedIncidents.length === 1 ? loadedIncidents[0] : undefined);
  const examples =
    Array.isArray(incident?.examples) && incident.examples.length > 0 ? incident.examples : GENERIC_EXAMPLES;
  $('examples').replaceChildren(...examples.map((q) => chip(q, ask)));
}

incidentSelect.addEventListener('change', showExamples);
setUpTabs($('pane-tabs'), window.matchMedia(NARROW));
showExamples();
void loadInfo();

const fromHash = /^#q=(.+)$/.exec(location.hash);
if (fromHash) {
  try {
    void ask(decodeURIComponent(fromHash[1]));
  } catch {
    input.focus();
  }
} else {
  input.focus();
}
document.documentElement.dataset.ready = 'true';
