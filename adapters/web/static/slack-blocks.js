// Draws Slack Block Kit blocks (header, section, context, actions, divider, image, rich text fallback) the way
// Slack's desktop client shows them, including Slack's own "mrkdwn" markup.
import { el, externalLink, safeUrl } from './dom.js';

/** Slack escapes these three in message text; everything else is literal. */
function decodeEntities(text) {
  return text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
}

const WORDISH = /[\p{L}\p{N}]/u;
const MARKS = { '*': 'strong', _: 'em', '~': 's' };

/** A Slack `<…>` token: link, user, channel or special mention. */
function angle(token) {
  const inner = token.slice(1, -1);
  const bar = inner.indexOf('|');
  const target = bar === -1 ? inner : inner.slice(0, bar);
  const label = decodeEntities(bar === -1 ? inner : inner.slice(bar + 1));
  if (target.startsWith('@')) return el('span', { class: 'mention' }, [`@${bar === -1 ? target.slice(1) : label}`]);
  if (target.startsWith('#')) return el('span', { class: 'mention' }, [`#${bar === -1 ? target.slice(1) : label}`]);
  if (target.startsWith('!')) return el('span', { class: 'mention' }, [`@${target.slice(1).split('^')[0]}`]);
  const href = safeUrl(decodeEntities(target));
  return href ? externalLink(href, [label]) : document.createTextNode(label);
}

/**
 * Inline mrkdwn: `code`, <links>, *bold*, _italic_, ~strike~. Markers count only at word edges, as in Slack.
 * @param {string} text
 * @returns {Array<Node | string>}
 */
function inline(text) {
  const out = [];
  let plain = '';
  let i = 0;
  const flush = () => {
    if (plain) out.push(decodeEntities(plain));
    plain = '';
  };
  while (i < text.length) {
    const c = text[i];
    if (c === '`') {
      const end = text.indexOf('`', i + 1);
      if (end > i + 1) {
        flush();
        out.push(el('code', {}, [decodeEntities(text.slice(i + 1, end))]));
        i = end + 1;
        continue;
      }
    }
    if (c === '<') {
      const end = text.indexOf('>', i + 1);
      if (end > i + 1 && !text.slice(i + 1, end).includes('\n')) {
        flush();
        out.push(angle(text.slice(i, end + 1)));
        i = end + 1;
        continue;
      }
    }
    if (c && MARKS[c]) {
      const before = i === 0 ? '' : text[i - 1];
      const end = text.indexOf(c, i + 1);
      const after = end === -1 ? '' : (text[end + 1] ?? '');
      const innerText = end === -1 ? '' : text.slice(i + 1, end);
      if (
        end > i + 1 &&
        !(before && WORDISH.test(before)) &&
        !(after && WORDISH.test(after)) &&
        !innerText.includes('\n') &&
        !/^\s|\s$/.test(innerText)
      ) {
        flush();
        out.push(el(MARKS[c], {}, inline(innerText)));
        i = end + 1;
        continue;
      }
    }
    plain += c;
    i += 1;
  }
  flush();
  return out;
}

/**
 * Slack mrkdwn text → nodes: ``` blocks, > quotes, line breaks, then inline marks.
 * @param {string} text
 * @returns {HTMLElement}
 */
export function mrkdwn(text) {
  const root = el('div', { class: 'mrkdwn' });
  const parts = text.split('```');
  parts.forEach((part, index) => {
    if (index % 2 === 1) {
      root.append(el('pre', { class: 'pre' }, [decodeEntities(part.replace(/^\n|\n$/g, ''))]));
      return;
    }
    const lines = part.split('\n');
    let quote = null;
    lines.forEach((line, n) => {
      const quoted = /^(&gt;|>)\s?/.exec(line);
      if (quoted) {
        if (!quote) {
          quote = el('blockquote');
          root.append(quote);
        } else quote.append(el('br'));
        quote.append(...inline(line.slice(quoted[0].length)));
        return;
      }
      quote = null;
      root.append(...inline(line));
      if (n < lines.length - 1) root.append(el('br'));
    });
  });
  return root;
}

/** A text object (plain_text or mrkdwn). */
function textObject(object, extraClass = '') {
  if (!object || typeof object.text !== 'string') return el('span');
  if (object.type === 'mrkdwn') {
    const node = mrkdwn(object.text);
    if (extraClass) node.classList.add(extraClass);
    return node;
  }
  return el('span', { class: extraClass || undefined }, [object.text]);
}

/** A button element; `onAsk` gets the follow-up text a button carries. */
function button(element, onAsk) {
  const label = element.text?.text ?? 'Button';
  const cls = `sl-button${element.style === 'primary' ? ' primary' : element.style === 'danger' ? ' danger' : ''}`;
  const href = safeUrl(element.url);
  if (href) {
    const link = externalLink(href, [label]);
    link.className = cls;
    return link;
  }
  const node = el('button', { type: 'button', class: cls, 'data-action-id': element.action_id }, [label]);
  node.addEventListener('click', () => {
    const ask = followUp(element.value);
    if (ask) onAsk(ask);
  });
  return node;
}

/** The question a button's value asks: `{ "ask": "…" }` JSON or the value itself. */
function followUp(value) {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    const parsed = JSON.parse(value);
    if (parsed && typeof parsed.ask === 'string') return parsed.ask;
    if (parsed && typeof parsed.text === 'string') return parsed.text;
  } catch {
    // a plain string value is the question itself
  }
  return value;
}

function accessory(element, onAsk) {
  if (element.type === 'button') return button(element, onAsk);
  if (element.type === 'image') return el('span', { class: 'sl-image-alt' }, [element.alt_text ?? '']);
  return el('span', { class: 'sl-unsupported' }, [`[${element.type}]`]);
}

/** The words of a rich_text block, without its styling. */
function richText(node) {
  if (!node || typeof node !== 'object') return '';
  if (typeof node.text === 'string') return node.text;
  if (typeof node.url === 'string') return node.url;
  return Array.isArray(node.elements) ? node.elements.map(richText).join('') : '';
}

const RENDERERS = {
  header: (block) => el('div', { class: 'sl-header' }, [block.text?.text ?? '']),
  divider: () => el('hr', { class: 'sl-divider' }),
  section(block, onAsk) {
    const body = el('div', { class: 'sl-section-body' });
    if (block.text) body.append(textObject(block.text));
    if (Array.isArray(block.fields) && block.fields.length > 0) {
      body.append(
        el(
          'div',
          { class: 'sl-fields' },
          block.fields.map((f) => textObject(f)),
        ),
      );
    }
    const children = [body];
    if (block.accessory) children.push(el('div', { class: 'sl-accessory' }, [accessory(block.accessory, onAsk)]));
    return el('div', { class: 'sl-section' }, children);
  },
  context: (block) =>
    el(
      'div',
      { class: 'sl-context' },
      (block.elements ?? []).map((e) =>
        e.type === 'image' ? el('span', { class: 'sl-image-alt' }, [e.alt_text ?? '']) : textObject(e),
      ),
    ),
  actions: (block, onAsk) =>
    el(
      'div',
      { class: 'sl-actions' },
      (block.elements ?? []).map((e) => accessory(e, onAsk)),
    ),
  image: (block) => el('div', { class: 'sl-image-alt' }, [`[image: ${block.alt_text ?? ''}]`]),
  rich_text: (block) =>
    el('div', { class: 'sl-section' }, [el('div', { class: 'sl-section-body' }, [richText(block)])]),
};

/**
 * Draws a Slack message (bot name, time, blocks).
 * @param {unknown[]} blocks
 * @param {{ onAsk(text: string): void, botName?: string }} options
 * @returns {HTMLElement}
 */
export function renderSlackMessage(blocks, options) {
  const content = el('div', { class: 'sl-blocks' });
  for (const block of Array.isArray(blocks) ? blocks : []) {
    const draw = block && typeof block === 'object' ? RENDERERS[block.type] : undefined;
    content.append(
      draw
        ? draw(block, options.onAsk)
        : el('div', { class: 'sl-unsupported' }, [`[unsupported block: ${String(block?.type)}]`]),
    );
  }
  const time = new Date().toLocaleTimeString([], { hour: 'numeric', minute: '2-digit' });
  return el('div', { class: 'sl-message' }, [
    el('img', { class: 'sl-avatar', src: '/static/favicon.svg', alt: '' }),
    el('div', { class: 'sl-main' }, [
      el('div', { class: 'sl-meta' }, [
        el('span', { class: 'sl-name' }, [options.botName ?? 'breachbot']),
        el('span', { class: 'sl-app' }, ['APP']),
        el('span', { class: 'sl-time' }, [time]),
      ]),
      content,
    ]),
  ]);
}
