/** Chat text → Command. (First version: the answer-engine work replaces it, keeping the signature.) */
import type { Command } from './command.js';
import type { KnowledgeBase } from './knowledge-base.js';

export function parseCommand(text: string, _kb: KnowledgeBase): Command {
  const raw = text.trim();
  const word = raw.split(/\s+/)[0]?.toLowerCase() ?? '';
  if (raw === '' || word === 'help') return { type: 'help', raw };
  if (word === 'timeline') return { type: 'timeline', raw };
  if (word === 'victims') return { type: 'victims', raw };
  return { type: 'question', text: raw, raw };
}
