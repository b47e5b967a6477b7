// 👍 / 👎 under an answer on the local page: posts the answer's feedback token to /api/feedback and says what
// happened. Answers without a token (help, no answer) get no buttons.
import { el } from './dom.js';

/**
 * The two buttons and their status line for an `/api/ask` answer, or null when it cannot be rated.
 * @param {{ feedback?: string | null }} data
 * @returns {HTMLElement | null}
 */
export function feedbackButtons(data) {
  const token = typeof data.feedback === 'string' ? data.feedback : '';
  if (token === '') return null;
  const note = el('span', { class: 'meta', role: 'status', 'aria-live': 'polite' }, []);
  const up = el('button', { type: 'button', class: 'chip', 'data-vote': 'up' }, ['👍 Helpful']);
  const down = el('button', { type: 'button', class: 'chip', 'data-vote': 'down' }, ['👎 Not helpful']);
  const send = async (vote) => {
    up.disabled = true;
    down.disabled = true;
    try {
      const response = await fetch('/api/feedback', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ token, vote }),
      });
      const body = await response.json();
      note.textContent = response.ok ? body.message : (body.error ?? `The server answered ${response.status}.`);
    } catch (error) {
      note.textContent = `Could not reach breachbot: ${String(error)}`;
      up.disabled = false;
      down.disabled = false;
    }
  };
  up.addEventListener('click', () => void send('up'));
  down.addEventListener('click', () => void send('down'));
  return el('p', { class: 'feedback', id: 'feedback-buttons' }, ['Was this answer useful? ', up, ' ', down, ' ', note]);
}
