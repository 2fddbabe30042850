/**
 * From a figure to the responses behind it: which of the register's filters reproduce the
 * selection, and which parts of it the register cannot apply (customer attributes, a theme's
 * answers). The screen says both, so nobody believes a list is narrower than it is.
 */
import type { AnalysisResult, SegmentAttribute } from '../../../../shared/analysis';
import type { Channel } from '../../../../shared/responses';
import type { AnalysisFilter, Drill } from '../../stores/analysis';
import type { RegisterFilter } from '../../stores/responses';

export interface RegisterPreset {
  filter: RegisterFilter;
  /** Parts of the selection the register shows more widely than the analysis counted. */
  notApplied: { attribute: SegmentAttribute | 'theme'; value: string }[];
}

export function registerPreset(
  surveyId: string,
  filter: AnalysisFilter,
  result: AnalysisResult,
  drill: Drill,
): RegisterPreset {
  const preset: RegisterFilter = { surveyId, status: 'complete' };
  const notApplied: RegisterPreset['notApplied'] = [];
  // 'clean' keeps flagged responses a reviewer decided to keep; the register's "no flag" does
  // not show those, so it can show slightly fewer than were analysed, never more.
  if (filter.quality === 'clean') preset.flag = 'none';
  if (filter.waveId) preset.waveId = filter.waveId;
  if (filter.channel) preset.channel = filter.channel;

  const narrow = (attribute: SegmentAttribute, value: string) => {
    if (attribute === 'wave') {
      const wave = result.waves.find((w) => w.name === value);
      if (wave) preset.waveId = wave.id;
      else notApplied.push({ attribute, value });
    } else if (attribute === 'channel') {
      preset.channel = value as Channel;
    } else if (attribute === 'interviewer') {
      preset.interviewer = value;
    } else {
      notApplied.push({ attribute, value });
    }
  };
  if (filter.segment) narrow(filter.segment.attribute, filter.segment.value);
  if (drill.kind === 'group') narrow(drill.attribute, drill.value);
  else notApplied.push({ attribute: 'theme', value: drill.label });
  return { filter: preset, notApplied };
}
