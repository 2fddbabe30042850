/**
 * Verification that comes with the analysis: when the `analysis.run` job analyses exactly one
 * wave the way improvement figures are measured (clean responses, ratio conversion, no channel,
 * segment or date filter), the actions whose baseline came from an earlier wave and the
 * survey-sourced standards are evaluated with that very result — the same evaluation as the
 * Improvement screen's "Verify with this wave", without analysing the wave a second time.
 */
import type { AnalysisRequest, AnalysisResult, AutoVerification } from '../../shared/analysis';
import type { Db } from '../db/connection';
import { analyserFor, improvementService } from './service';

/** Whether the request measures one wave on the same basis as actions' baselines and targets. */
export function verifiesImprovement(request: AnalysisRequest): boolean {
  return (
    request.waveIds?.length === 1 &&
    request.quality === 'clean' &&
    request.conversion === 'ratio' &&
    request.channel === undefined &&
    request.segment === undefined &&
    request.from === undefined &&
    request.to === undefined
  );
}

/**
 * Evaluates the wave's actions and standards with `result` (only a standard restricted to a
 * segment needs that segment's own analysis). `checkCancelled` runs before anything is written;
 * it throws to stop. Null when the request does not qualify or nothing was verified.
 */
export async function verifyWithAnalysis(
  db: Db,
  result: AnalysisResult,
  checkCancelled: () => void,
  options: { now?: () => Date } = {},
): Promise<AutoVerification | null> {
  const request = result.request;
  if (!verifiesImprovement(request)) return null;
  const waveId = request.waveIds![0]!;
  const segmentAnalyser = analyserFor(db);
  const service = improvementService(db, {
    ...options,
    analyse: (surveyId, wave, segment) =>
      segment || surveyId !== request.surveyId || wave !== waveId
        ? segmentAnalyser(surveyId, wave, segment)
        : Promise.resolve(result),
  });
  const { verifications, standards } = await service.evaluateWave(
    request.surveyId,
    waveId,
    checkCancelled,
  );
  if (verifications.length === 0 && standards === 0) return null;
  const met = verifications.filter((v) => v.met).length;
  return {
    waveId,
    actions: verifications.length,
    met,
    notMet: verifications.length - met,
    standards,
  };
}
