/**
 * breaches.cloud Markdown write-ups → core Incident. (Placeholder: the many-incidents work implements it.)
 */
import type { IncidentInput, KbProblem } from '../core/model.js';

export interface BreachesCloudResult {
  incident?: IncidentInput;
  problems: KbProblem[];
}

export function parseBreachesCloud(file: string, _text: string): BreachesCloudResult {
  return {
    problems: [
      { file, line: 1, path: '', message: 'breaches.cloud Markdown is not supported yet', severity: 'warning' },
    ],
  };
}
