/**
 * The sample of each wave as the Word report's method section describes it: how it was drawn (the
 * strata, the size rule, the seed), the sampling frame, how many customers were drawn and how
 * many of them completed a response. The report asks for it through its `SampleFactsSource`.
 */
import type { Db } from '../db/connection';
import type { SampleFacts, SampleFactsSource } from '../reports/fieldwork-facts';
import { samplingTexts } from '../../shared/i18n/bundles/sampling';
import { sampleDesign, type SampleDesign } from '../../shared/sampling';

type ReportLang = 'zh-CN' | 'en';

interface SampleRow {
  waveId: string;
  seed: number;
  design: string;
  population: number;
  drawn: number;
  completed: number;
}

/** "By type and region, at least 30 % of strata with 100+ customers, seed 7" in the report's language. */
export function describeDesign(design: SampleDesign, seed: number, lang: ReportLang): string {
  const names = samplingTexts[lang].sampling.attribute;
  const zh = lang === 'zh-CN';
  const strata = design.strata.map((a) => names[a]).join(zh ? '、' : ' and ');
  const how = design.strata.length
    ? zh
      ? `按${strata}分层随机抽样`
      : `stratified random sample by ${strata.toLowerCase()}`
    : zh
      ? '简单随机抽样'
      : 'simple random sample';
  const rule =
    design.rule.kind === 'fixedSize'
      ? zh
        ? `每层 ${design.rule.size} 个`
        : `${design.rule.size} per stratum`
      : design.rule.kind === 'fixedFraction'
        ? zh
          ? `每层 ${Math.round(design.rule.fraction * 1000) / 10}%`
          : `${Math.round(design.rule.fraction * 1000) / 10} % of each stratum`
        : zh
          ? '按样本量规则（大层按比例，小层全部或保底）'
          : 'sample-size rule (a share of large strata, small strata in full or a minimum)';
  const certain = design.alwaysInclude.length
    ? zh
      ? `，${design.alwaysInclude.length} 个重点客户必选`
      : `, ${design.alwaysInclude.length} strategic account${design.alwaysInclude.length === 1 ? '' : 's'} always included`
    : '';
  return zh
    ? `${how}，${rule}${certain}（随机种子 ${seed}）`
    : `${how}, ${rule}${certain} (seed ${seed})`;
}

export function sampleFactsFor(lang: ReportLang): SampleFactsSource {
  return (db: Db, waveIds: string[]): SampleFacts[] => {
    if (waveIds.length === 0) return [];
    const rows = db
      .prepare(
        `SELECT s.wave_id AS waveId, s.seed, s.design, s.population,
                (SELECT count(*) FROM sample_members m WHERE m.wave_id = s.wave_id) AS drawn,
                (SELECT count(*) FROM sample_members m WHERE m.wave_id = s.wave_id AND EXISTS (
                   SELECT 1 FROM responses r WHERE r.wave_id = m.wave_id
                     AND r.customer_id = m.customer_id AND r.status = 'complete')) AS completed
           FROM samples s WHERE s.wave_id IN (SELECT value FROM json_each(?))`,
      )
      .all(JSON.stringify(waveIds)) as SampleRow[];
    return rows.map((row) => ({
      waveId: row.waveId,
      method: describeDesign(sampleDesign.parse(JSON.parse(row.design)), row.seed, lang),
      frame: row.population,
      drawn: row.drawn,
      completed: row.completed,
    }));
  };
}
