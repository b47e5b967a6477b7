/**
 * One export in any of its formats, for the command line and `GET /api/indicators`: the body, its media type, and
 * the indicators a STIX bundle had to leave out.
 */
import type { Incident, Indicator } from '../core/model.js';
import { indicatorsCsv, indicatorsJson } from './indicator-export.js';
import { toStixBundle } from './stix.js';

export type IndicatorFormat = 'csv' | 'json' | 'stix';
export const INDICATOR_FORMATS: readonly IndicatorFormat[] = ['csv', 'json', 'stix'];

export interface RenderedIndicators {
  body: string;
  contentType: string;
  /** the file name a download would get */
  fileName: string;
  omitted: Indicator[];
}

/** The incident's indicators as `format`. */
export function renderIndicators(incident: Incident, format: IndicatorFormat): RenderedIndicators {
  if (format === 'csv') {
    return {
      body: indicatorsCsv(incident),
      contentType: 'text/csv; charset=utf-8',
      fileName: `${incident.id}-indicators.csv`,
      omitted: [],
    };
  }
  if (format === 'stix') {
    const { bundle, omitted } = toStixBundle(incident);
    return {
      body: `${JSON.stringify(bundle, null, 2)}\n`,
      contentType: 'application/stix+json;version=2.1',
      fileName: `${incident.id}-indicators.stix.json`,
      omitted,
    };
  }
  return {
    body: indicatorsJson(incident),
    contentType: 'application/json; charset=utf-8',
    fileName: `${incident.id}-indicators.json`,
    omitted: [],
  };
}
