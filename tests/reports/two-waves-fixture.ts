/**
 * Two small waves of the customer-service survey whose figures can be worked out by hand
 * (100-point ratio conversion: mean / 5 × 100):
 * - responsiveness (resp_1..3): first wave 3 and 4 → 3.5 → 70; second wave 4 and 5 → 4.5 → 90;
 * - every other scale item 4 in both waves → 80;
 * - overall satisfaction: first wave 4 and 3 → 3.5 → 70; second wave 5 and 5 → 100.
 * No respondent gives the same answer everywhere, so no cleaning rule removes one.
 */
import type { RunningServices } from '../../main/services/start';
import { startTestServices } from '../helpers/services';
import { addWave, answersWith, createSurvey } from '../improvement/fixture';

export interface TwoWaves {
  services: RunningServices;
  surveyId: string;
  first: string;
  second: string;
}

export const FIRST_WAVE = '上半年';

export async function twoWaves(dbPath: string): Promise<TwoWaves> {
  const services = await startTestServices(dbPath);
  const surveyId = createSurvey(services);
  const first = addWave(services, surveyId, FIRST_WAVE, '2026-03-01', [
    { answers: answersWith([3, 3, 3], 4) },
    { answers: answersWith([4, 4, 4], 3) },
  ]);
  const second = addWave(services, surveyId, '下半年', '2026-09-01', [
    { answers: answersWith([4, 4, 4], 5) },
    { answers: answersWith([5, 5, 5], 5) },
  ]);
  return { services, surveyId, first, second };
}
