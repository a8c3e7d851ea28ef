// The bulk import at province scale (issue 17 item 3): one file of `rows` unions and homes (.xlsx, as a
// federation would send it) imported under the province of the generated database, timed end to end
// through the API as the app drives it: upload and dry run until the job says checked, apply until it
// says applied, then the same file again (all unchanged) and the Excel report. Target: dry run and apply
// each under 60 s on SQLite.
import type { ImportJob } from '@pingjia/shared';
import type { Manifest } from './generate';
import { importRows, importXlsx } from './import-file';
import { mintToken } from './scenarios';

export interface ImportFigures {
  rows: number;
  fileBytes: number;
  /** upload (file read in the request) until the dry run is checked */
  dryRunS: number;
  /** of which: the upload request itself */
  uploadS: number;
  applyS: number;
  /** the same file again: dry run, all unchanged */
  reImportDryRunS: number;
  reportS: number;
  counts: ImportJob['counts'];
  applied: ImportJob['applied'];
  reImportCounts: ImportJob['counts'];
}

const seconds = (t0: number) => Math.round((Date.now() - t0) / 100) / 10;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function timeImport(baseUrl: string, m: Manifest, rows: number, log: (s: string) => void): Promise<ImportFigures> {
  const auth = { authorization: `Bearer ${mintToken(m.secrets.JWT_SECRET, m.users.provinceAdmin)}` };
  const tag = Math.random().toString(36).slice(2, 5).toUpperCase();
  const file = await importXlsx(importRows(rows, tag));
  log(`import file: ${rows} rows, ${(file.length / 1024 / 1024).toFixed(1)} MB`);

  const until = async (id: string, states: string[]): Promise<ImportJob> => {
    for (;;) {
      const job = (await (await fetch(`${baseUrl}/api/imports/${id}`, { headers: auth })).json()) as ImportJob;
      if (states.includes(job.status)) return job;
      await new Promise((r) => setTimeout(r, 200));
    }
  };
  const check = async () => {
    const t0 = Date.now();
    const res = await fetch(`${baseUrl}/api/orgs/${m.provinceId}/imports`, {
      method: 'POST',
      headers: { ...auth, 'content-type': XLSX },
      body: new Uint8Array(file),
    });
    const uploadS = seconds(t0);
    if (res.status !== 202) throw new Error(`upload: ${res.status} ${await res.text()}`);
    const job = await until(((await res.json()) as ImportJob).id, ['checked', 'failed']);
    if (job.status !== 'checked') throw new Error(`dry run failed: ${JSON.stringify(job.error)}`);
    return { job, uploadS, s: seconds(t0) };
  };

  const first = await check();
  log(`dry run: ${first.s} s (upload ${first.uploadS} s), ${JSON.stringify(first.job.counts)}`);
  let t0 = Date.now();
  const res = await fetch(`${baseUrl}/api/imports/${first.job.id}/apply`, { method: 'POST', headers: auth });
  if (res.status !== 202) throw new Error(`apply: ${res.status} ${await res.text()}`);
  const applied = await until(first.job.id, ['applied', 'failed']);
  if (applied.status !== 'applied') throw new Error(`apply failed: ${JSON.stringify(applied.error)}`);
  const applyS = seconds(t0);
  log(`apply: ${applyS} s, ${JSON.stringify(applied.applied)}`);

  const again = await check();
  log(`same file again: ${again.s} s, ${JSON.stringify(again.job.counts)}`);
  t0 = Date.now();
  const report = await fetch(`${baseUrl}/api/imports/${first.job.id}/report.xlsx`, { headers: auth });
  await report.arrayBuffer();
  const reportS = seconds(t0);
  log(`Excel report: ${reportS} s`);
  return {
    rows,
    fileBytes: file.length,
    dryRunS: first.s,
    uploadS: first.uploadS,
    applyS,
    reImportDryRunS: again.s,
    reportS,
    counts: first.job.counts,
    applied: applied.applied,
    reImportCounts: again.job.counts,
  };
}

export function importMarkdown(label: string, command: string, db: string, f: ImportFigures, machine: string): string {
  return [
    `# Bulk import: ${label}`,
    '',
    `\`${command}\` — ${db}, ${machine}`,
    '',
    '| step | seconds | target |',
    '|---|---|---|',
    `| dry run (${f.rows} rows, ${(f.fileBytes / 1024 / 1024).toFixed(1)} MB .xlsx; upload ${f.uploadS} s) | ${f.dryRunS} | < 60 |`,
    `| apply (${JSON.stringify(f.applied)}) | ${f.applyS} | < 60 |`,
    `| the same file again, dry run (${f.reImportCounts.unchanged} unchanged) | ${f.reImportDryRunS} | |`,
    `| Excel report of ${f.rows} rows | ${f.reportS} | |`,
    '',
  ].join('\n');
}
