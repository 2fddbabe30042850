import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { updateQuestion } from '../../shared/questionnaire/edit';
import { allQuestions, type Question } from '../../shared/questionnaire/model';
import type { SurveyDetail } from '../../shared/surveys';
import { dataPathsFor } from '../../main/services/paths';
import { startServices, type RunningServices } from '../../main/services/start';

let dir: string;
let services: RunningServices;

async function call<T>(method: string, input: unknown): Promise<T> {
  const result = await services.dispatch(method, input);
  if (!result.ok) throw Object.assign(new Error(result.error.message), { code: result.error.code });
  return result.value as T;
}

beforeEach(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-surveys-'));
  services = await startServices({
    paths: dataPathsFor(path.join(dir, 'db.sqlite')),
    runtime: 'cli',
    appVersion: 'test',
    systemLocale: 'en-US',
    platform: { openFile: () => Promise.resolve(null), saveFile: () => Promise.resolve(null) },
    create: true,
  });
});
afterEach(async () => {
  await services.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

describe('surveys and their versions', () => {
  it('creates a survey from a template as draft v1 with a readable code', async () => {
    const survey = await call<SurveyDetail>('surveys.create', { template: 'customer-service', language: 'zh-CN' });
    expect(survey).toMatchObject({ editingVersion: 1, editingStatus: 'draft', publishedVersion: null, title: '客户服务满意度调查' });
    expect(survey.code).toMatch(/^SV\d{4}-001$/);
    expect(await call<unknown[]>('surveys.list', {})).toHaveLength(1);
  });

  it('publishes v1, keeps it immutable, and starts v2 as a draft on the next edit', async () => {
    const survey = await call<SurveyDetail>('surveys.create', { template: 'after-sales', language: 'zh-CN' });
    await call('surveys.publish', { id: survey.id });
    const published = await call<SurveyDetail>('surveys.get', { id: survey.id });
    expect(published).toMatchObject({ editingStatus: 'published', publishedVersion: 1, hasDraft: false });

    const changed = { ...published.definition, title: { ...published.definition.title, 'zh-CN': '售后服务反馈表（第二季度）' } };
    await call('surveys.saveDraft', { id: survey.id, definition: changed });
    const editing = await call<SurveyDetail>('surveys.get', { id: survey.id });
    expect(editing).toMatchObject({ editingVersion: 2, editingStatus: 'draft', publishedVersion: 1 });
    const v1 = await call<{ title: Record<string, string> }>('surveys.getVersion', { id: survey.id, versionNo: 1 });
    expect(v1.title['zh-CN']).toBe('售后服务反馈表');
  });

  it('refuses to publish a draft whose form check has errors', async () => {
    const survey = await call<SurveyDetail>('surveys.create', { template: null, language: 'en' });
    await expect(call('surveys.publish', { id: survey.id })).rejects.toMatchObject({ code: 'SURVEY_HAS_ERRORS' });
  });

  it('refuses to publish a change that makes old responses incomparable', async () => {
    const survey = await call<SurveyDetail>('surveys.create', { template: 'after-sales', language: 'en' });
    await call('surveys.publish', { id: survey.id });
    const solved = allQuestions(survey.definition).find((q) => q.name === 'solved')!;
    const broken = updateQuestion(survey.definition, solved.id, (q) => ({ ...q, type: 'multiple', minSelections: null, maxSelections: null }) as Question);
    await call('surveys.saveDraft', { id: survey.id, definition: broken });
    const changes = await call<{ incompatible: { name: string }[] }>('surveys.changes', { id: survey.id });
    expect(changes.incompatible.map((c) => c.name)).toEqual(['solved']);
    await expect(call('surveys.publish', { id: survey.id })).rejects.toMatchObject({ code: 'SURVEY_INCOMPATIBLE' });
  });

  it('rejects a malformed definition before anything is stored', async () => {
    const survey = await call<SurveyDetail>('surveys.create', { template: null, language: 'en' });
    const bad = { ...survey.definition, pages: [] };
    await expect(call('surveys.saveDraft', { id: survey.id, definition: bad })).rejects.toMatchObject({ code: 'INVALID_INPUT' });
    const again = await call<SurveyDetail>('surveys.get', { id: survey.id });
    expect(again.definition.pages).toHaveLength(1);
  });
});
