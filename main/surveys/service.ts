/**
 * Surveys and their versions. A published version is immutable; the one draft per survey is
 * edited freely (autosaved by the designer) and published after the form check and the
 * comparability check pass. Responses name the version they were taken on.
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../shared/errors';
import { summarizeChanges, signatureOf, type ChangeSummary, type VariableSignature } from '../../shared/questionnaire/changes';
import { checkDefinition, hasErrors, type FormProblem } from '../../shared/questionnaire/check';
import { definitionSchema, textIn, type SurveyDefinition, type SurveyLanguage } from '../../shared/questionnaire/model';
import { instantiateTemplate, type TemplateId } from '../../shared/questionnaire/templates';
import { blankDefinition } from '../../shared/questionnaire/blank';
import type { SurveyDetail, SurveySummary, PublishResult } from '../../shared/surveys';
import type { Db } from '../db/connection';
import { surveyRepository, type VersionRow } from './repository';

export type Clock = () => Date;

function parseDefinition(row: VersionRow): SurveyDefinition {
  return definitionSchema.parse(JSON.parse(row.definition));
}

export function surveyService(db: Db, clock: Clock = () => new Date()) {
  const repo = surveyRepository(db);
  const now = () => clock().toISOString();

  function requireSurvey(id: string) {
    const row = repo.get.get(id);
    if (!row || row.archived_at) throw new AppError('NOT_FOUND', { what: `survey ${id}` });
    return row;
  }

  function summary(id: string): SurveySummary {
    const row = requireSurvey(id);
    const versions = repo.versions.all(id);
    const published = versions.filter((v) => v.status === 'published');
    return {
      id: row.id,
      code: row.code,
      title: row.title,
      updatedAt: row.updated_at,
      publishedVersion: published.at(-1)?.version_no ?? null,
      hasDraft: versions.some((v) => v.status === 'draft'),
      responseCount: repo.responseCount.get(id)?.n ?? 0,
    };
  }

  function history(surveyId: string): VariableSignature {
    const merged: VariableSignature = new Map();
    for (const row of repo.versions.all(surveyId)) {
      if (row.status !== 'published') continue;
      for (const [name, sig] of signatureOf(parseDefinition(row), row.version_no)) merged.set(name, sig);
    }
    return merged;
  }

  function nextCode(): string {
    const prefix = `SV${clock().getFullYear()}-`;
    const n = (repo.codeCount.get(prefix)?.n ?? 0) + 1;
    return `${prefix}${String(n).padStart(3, '0')}`;
  }

  return {
    list(): SurveySummary[] {
      return repo.list.all().map((row) => summary(row.id));
    },

    get(id: string): SurveyDetail {
      const versions = repo.versions.all(id);
      const editing = versions.find((v) => v.status === 'draft') ?? versions.at(-1);
      if (!editing) throw new AppError('NOT_FOUND', { what: `survey ${id}` });
      return {
        ...summary(id),
        versions: versions.map((v) => ({
          versionNo: v.version_no,
          status: v.status,
          createdAt: v.created_at,
          publishedAt: v.published_at,
        })),
        definition: parseDefinition(editing),
        editingVersion: editing.version_no,
        editingStatus: editing.status,
      };
    },

    getVersion(id: string, versionNo: number): SurveyDefinition {
      const row = repo.version.get(id, versionNo);
      if (!row) throw new AppError('NOT_FOUND', { what: `survey ${id} v${versionNo}` });
      return parseDefinition(row);
    },

    create(input: { template: TemplateId | null; language: SurveyLanguage; definition?: SurveyDefinition }): SurveyDetail {
      const definition = input.definition ?? (input.template ? instantiateTemplate(input.template) : blankDefinition(input.language));
      const id = randomUUID();
      const at = now();
      const title = textIn(definition.title, definition.defaultLanguage) || '—';
      db.transaction(() => {
        repo.insert.run(id, nextCode(), title, at, at);
        repo.insertVersion.run(randomUUID(), id, 1, 'draft', JSON.stringify(definition), at);
      })();
      return this.get(id);
    },

    /** Saves the draft, creating it from the latest published version when there is none. */
    saveDraft(id: string, definition: SurveyDefinition): SurveySummary {
      requireSurvey(id);
      const at = now();
      db.transaction(() => {
        const draft = repo.draft.get(id);
        if (draft) repo.updateDraft.run(JSON.stringify(definition), draft.id);
        else {
          const last = repo.versions.all(id).at(-1);
          repo.insertVersion.run(randomUUID(), id, (last?.version_no ?? 0) + 1, 'draft', JSON.stringify(definition), at);
        }
        repo.touch.run(textIn(definition.title, definition.defaultLanguage) || '—', at, id);
      })();
      return summary(id);
    },

    check(definition: SurveyDefinition): FormProblem[] {
      return checkDefinition(definition);
    },

    /** The draft against the latest published version and every earlier variable. */
    changes(id: string, lang: SurveyLanguage): ChangeSummary {
      requireSurvey(id);
      const draft = repo.draft.get(id);
      if (!draft) return { changes: [], incompatible: [] };
      const published = repo.versions.all(id).filter((v) => v.status === 'published').at(-1);
      return summarizeChanges(published ? parseDefinition(published) : null, parseDefinition(draft), history(id), lang);
    },

    publish(id: string, lang: SurveyLanguage): PublishResult {
      requireSurvey(id);
      const draft = repo.draft.get(id);
      if (!draft) throw new AppError('CONFLICT', { reason: 'there is no draft to publish' });
      const definition = parseDefinition(draft);
      const problems = checkDefinition(definition);
      if (hasErrors(problems)) {
        throw new AppError('SURVEY_HAS_ERRORS', { count: problems.filter((p) => p.severity === 'error').length });
      }
      const changes = this.changes(id, lang);
      if (changes.incompatible.length) {
        throw new AppError('SURVEY_INCOMPATIBLE', { names: changes.incompatible.map((c) => c.name).join(', ') });
      }
      db.transaction(() => {
        repo.publish.run(now(), draft.id);
        repo.touch.run(textIn(definition.title, definition.defaultLanguage) || '—', now(), id);
      })();
      return { versionNo: draft.version_no, changes };
    },

    archive(id: string): void {
      requireSurvey(id);
      const at = now();
      repo.archive.run(at, at, id);
    },
  };
}

export type SurveyService = ReturnType<typeof surveyService>;
