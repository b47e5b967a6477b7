// Draws an Adaptive Card with Microsoft's `adaptivecards` renderer, styled like Teams' light theme, and wires
// its buttons: Action.Submit with `{ ask }` asks the next question, Action.OpenUrl opens the link.
import { el, escapeHtml, safeUrl } from './dom.js';

const FONT = '"Segoe UI", "Segoe UI Web (West European)", -apple-system, BlinkMacSystemFont, Roboto, sans-serif';

/** Close to the host config Teams uses in its light theme. */
const HOST_CONFIG = {
  fontTypes: {
    default: {
      fontFamily: FONT,
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 300, default: 400, bolder: 600 },
    },
    monospace: {
      fontFamily: '"Cascadia Mono", Consolas, "DejaVu Sans Mono", monospace',
      fontSizes: { small: 12, default: 13, medium: 13, large: 16, extraLarge: 20 },
      fontWeights: { lighter: 300, default: 400, bolder: 600 },
    },
  },
  spacing: { small: 4, default: 8, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#E0E0E0' },
  supportsInteractivity: true,
  containerStyles: {
    default: {
      backgroundColor: '#FFFFFF',
      foregroundColors: {
        default: { default: '#242424', subtle: '#616161' },
        accent: { default: '#5B5FC7', subtle: '#6264A7' },
        good: { default: '#0E700E', subtle: '#107C10' },
        warning: { default: '#8A3707', subtle: '#BC4B09' },
        attention: { default: '#C4314B', subtle: '#D13438' },
        light: { default: '#FFFFFF', subtle: '#F5F5F5' },
        dark: { default: '#242424', subtle: '#424242' },
      },
    },
    emphasis: {
      backgroundColor: '#F5F5F5',
      foregroundColors: { default: { default: '#242424', subtle: '#616161' } },
    },
  },
  actions: {
    maxActions: 6,
    spacing: 'default',
    buttonSpacing: 8,
    showCard: { actionMode: 'inline', inlineTopMargin: 8 },
    actionsOrientation: 'horizontal',
    actionAlignment: 'left',
  },
  adaptiveCard: { allowCustomStyle: false },
  textBlock: { headingLevel: 2 },
};

/**
 * Teams' markdown subset → HTML: **bold**, _italic_ / *italic*, [text](url), lists, line breaks. Escaped first.
 * @param {string} text
 * @returns {string}
 */
export function markdownToHtml(text) {
  // a backslash before punctuation shows the character itself (CommonMark), as the Teams renderer reads escapes
  const held = [];
  const hold = (line) =>
    line.replace(/\\([!-/:-@[-`{-~])/g, (_whole, c) => {
      held.push(c);
      return `\u0000${held.length - 1}\u0000`;
    });
  const release = (html) => html.replace(/\u0000(\d+)\u0000/g, (_whole, i) => escapeHtml(held[Number(i)] ?? ''));
  const inline = (line) => release(inlineMarks(hold(line)));
  const inlineMarks = (line) =>
    escapeHtml(line)
      .replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label, url) => {
        const href = safeUrl(url.replace(/&amp;/g, '&'));
        return href ? `<a href="${escapeHtml(href)}" target="_blank" rel="noopener noreferrer">${label}</a>` : whole;
      })
      .replace(/\*\*([^*]+)\*\*/g, '<strong>$1</strong>')
      .replace(/(^|[^\w*])\*([^*\s][^*]*)\*(?!\w)/g, '$1<em>$2</em>')
      .replace(/(^|[^\w])_([^_\s][^_]*)_(?!\w)/g, '$1<em>$2</em>');
  const out = [];
  let list = null;
  for (const line of text.split('\n')) {
    // an escaped list marker (\- or 1\.) is text, so the patterns below do not see it as one
    const bullet = /^\s*[-*]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+\.\s+(.*)$/.exec(line);
    const kind = bullet ? 'ul' : numbered ? 'ol' : null;
    if (kind) {
      if (list !== kind) {
        if (list) out.push(`</${list}>`);
        out.push(`<${kind}>`);
        list = kind;
      }
      out.push(`<li>${inline((bullet ?? numbered)[1])}</li>`);
      continue;
    }
    if (list) {
      out.push(`</${list}>`);
      list = null;
    }
    out.push(`<p>${inline(line)}</p>`);
  }
  if (list) out.push(`</${list}>`);
  return out.join('');
}

let configured = false;

function configure(lib) {
  if (configured) return;
  lib.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdownToHtml(text);
    result.didProcess = true;
  };
  configured = true;
}

/**
 * Renders the card inside a Teams-like message; returns an element (an explanation when the renderer is missing).
 * @param {unknown} cardJson
 * @param {{ onAsk(text: string): void, botName?: string }} options
 * @returns {HTMLElement}
 */
export function renderTeamsMessage(cardJson, options) {
  const lib = globalThis.AdaptiveCards;
  let body;
  if (!lib) {
    body = el('p', { class: 'error' }, ['The Adaptive Cards renderer did not load.']);
  } else {
    configure(lib);
    const card = new lib.AdaptiveCard();
    card.hostConfig = new lib.HostConfig(HOST_CONFIG);
    card.onExecuteAction = (action) => {
      const type = action.getJsonTypeName();
      if (type === 'Action.Submit' || type === 'Action.Execute') {
        const data = action.data;
        if (data && typeof data.ask === 'string') options.onAsk(data.ask);
      } else if (type === 'Action.OpenUrl') {
        const href = safeUrl(action.url);
        if (href) window.open(href, '_blank', 'noopener,noreferrer');
      }
    };
    try {
      card.parse(cardJson);
      body = card.render() ?? el('p', { class: 'error' }, ['The card rendered nothing.']);
    } catch (error) {
      body = el('p', { class: 'error' }, [`The card could not be rendered: ${String(error)}`]);
    }
  }
  const time = new Date().toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
  return el('div', { class: 'tm-message' }, [
    el('img', { class: 'tm-avatar', src: '/static/favicon.svg', alt: '' }),
    el('div', { class: 'tm-main' }, [
      el('div', { class: 'tm-meta' }, [
        el('span', { class: 'tm-name' }, [options.botName ?? 'breachbot']),
        el('span', { class: 'tm-time' }, [time]),
      ]),
      el('div', { class: 'tm-card' }, [body]),
    ]),
  ]);
}
