import type { SurveyDefinition } from '../../../../shared/questionnaire/model';

export interface KioskModeProps {
  surveyId: string;
  waveId: string | null;
  definition: SurveyDefinition;
  versionNo: number;
  onExit: () => void;
  resumeId?: string | null;
}

/** Being written in this session; replaced before it lands. */
export function KioskMode({ onExit }: KioskModeProps) {
  return (
    <button type="button" className="button" onClick={onExit}>
      ←
    </button>
  );
}
