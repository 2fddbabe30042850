import type { SurveyDefinition } from '../../../../shared/questionnaire/model';

export interface InterviewModeProps {
  surveyId: string;
  waveId: string | null;
  definition: SurveyDefinition;
  versionNo: number;
  onExit: () => void;
  resumeId?: string | null;
}

/** Being written in this session; replaced before it lands. */
export function InterviewMode({ onExit }: InterviewModeProps) {
  return (
    <button type="button" className="button" onClick={onExit}>
      ←
    </button>
  );
}
