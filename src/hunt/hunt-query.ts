/** One generated hunting query: what `breachbot hunt --format json` prints for each (CONTRACTS.md). */
import type { HuntPlatform } from './platforms.js';

export interface HuntQuery {
  /** the detection's id in the knowledge base */
  id: string;
  title: string;
  platform: HuntPlatform;
  /** where it runs ("Microsoft Sentinel", "Splunk", …) */
  product: string;
  query: string;
  why: string;
  /** source ids of the incident that the detection's logic follows */
  sources: string[];
}

/** The days of history a baseline detection learns from, and the recent days it checks against them. */
export const BASELINE_DAYS = 30;
export const RECENT_DAYS = 1;
/** How many distinct users or addresses a summary row lists. */
export const SUMMARY_SET_SIZE = 20;
