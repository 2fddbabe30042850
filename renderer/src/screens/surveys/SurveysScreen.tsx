import { useEffect } from 'react';
import { useSurveysStore } from '../../stores/surveys';
import { Designer } from './Designer';
import { SurveyList } from './SurveyList';

export function SurveysScreen() {
  const openId = useSurveysStore((s) => s.openId);
  const load = useSurveysStore((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  return openId ? <Designer surveyId={openId} /> : <SurveyList />;
}
