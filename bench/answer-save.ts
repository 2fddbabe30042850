/**
 * Saving one answer through the browser host: HTTP request -> validation -> service -> commit
 * with synchronous=FULL -> response. Target: p95 <= 20 ms on this machine. The baseline is a
 * bare HTTP round trip to the same server answering a trivial method (settings.get), so the
 * ratio isolates what saving an answer adds.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { hostPlatform } from '../main/host/platform';
import { startHost } from '../main/host/server';
import { dataPathsFor } from '../main/services/paths';
import { startServices } from '../main/services/start';

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

export async function benchAnswerSave(
  rounds = 400,
): Promise<{ p95Ms: number; baselineP95Ms: number; ratio: number }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'surveydesk-bench-answer-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html>');
  const services = await startServices({
    paths: dataPathsFor(path.join(dir, 'bench.sqlite')),
    runtime: 'host',
    appVersion: 'bench',
    systemLocale: 'en',
    platform: hostPlatform(path.join(dir, 'exports')),
    create: true,
  });
  const host = await startHost({ services, rendererDir });
  const call = async (method: string, input: unknown) => {
    const response = await fetch(`${host.url}api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-surveydesk-token': host.token },
      body: JSON.stringify(input),
    });
    const body = (await response.json()) as {
      ok: boolean;
      value?: unknown;
      error?: { message: string };
    };
    if (!body.ok) throw new Error(`${method}: ${body.error?.message}`);
    return body.value;
  };
  try {
    const survey = (await call('surveys.create', {
      template: 'customer-service',
      language: 'zh-CN',
    })) as { id: string };
    await call('surveys.publish', { id: survey.id });
    const consent = {
      given: true,
      method: 'verbal',
      versionNo: 1,
      givenAt: new Date().toISOString(),
    };
    const response = (await call('responses.start', {
      surveyId: survey.id,
      waveId: null,
      customerId: null,
      channel: 'interview',
      consent,
    })) as { id: string };
    const items = ['resp_1', 'resp_2', 'resp_3', 'reso_1', 'reso_2', 'reso_3'];
    const timeSeries = async (body: (i: number) => Promise<unknown>) => {
      for (let i = 0; i < 30; i++) await body(i);
      const times: number[] = [];
      for (let i = 0; i < rounds; i++) {
        const start = performance.now();
        await body(i);
        times.push(performance.now() - start);
      }
      return times;
    };
    const baseline = await timeSeries(() => call('settings.get', {}));
    const answers = await timeSeries((i) =>
      call('responses.answer', {
        id: response.id,
        variable: items[i % items.length],
        value: (i % 5) + 1,
        position: { page: 0 },
      }),
    );
    const p95Ms = percentile(answers, 95);
    const baselineP95Ms = percentile(baseline, 95);
    return { p95Ms, baselineP95Ms, ratio: p95Ms / baselineP95Ms };
  } finally {
    await host.close();
    await services.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
