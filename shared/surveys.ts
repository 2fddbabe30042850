/** Survey records as the API returns them. */
import type { ChangeSummary } from './questionnaire/changes';
import type { SurveyDefinition } from './questionnaire/model';

export interface VersionSummary {
  versionNo: number;
  status: 'draft' | 'published';
  createdAt: string;
  publishedAt: string | null;
}

export interface SurveySummary {
  id: string;
  code: string;
  title: string;
  updatedAt: string;
  publishedVersion: number | null;
  hasDraft: boolean;
  responseCount: number;
}

export interface SurveyDetail extends SurveySummary {
  versions: VersionSummary[];
  /** The draft when there is one, else the latest published version. */
  definition: SurveyDefinition;
  editingVersion: number;
  editingStatus: 'draft' | 'published';
}

export interface PublishResult {
  versionNo: number;
  changes: ChangeSummary;
}

/** A problem found in an imported file, with where it is. */
export interface ImportIssue {
  sheet: string;
  row: number | null;
  column?: string;
  code: string;
  message: { 'zh-CN': string; en: string };
}

export interface SurveyImportResult {
  survey: SurveyDetail;
  warnings: ImportIssue[];
}
