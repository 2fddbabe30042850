import type { SurveyDefinition } from '../../../../shared/questionnaire/model';

export interface PaperEntryProps {
  surveyId: string;
  waveId: string | null;
  definition: SurveyDefinition;
  versionNo: number;
  onExit: () => void;
  resumeId?: string | null;
}

/** Being written in this session; replaced before it lands. */
export function PaperEntry({ onExit }: PaperEntryProps) {
  return (
    <button type="button" className="button" onClick={onExit}>
      ←
    </button>
  );
}
