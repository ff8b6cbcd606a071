import type { ScoredChunk } from './batch-chunk';
import { ROW_SKIPPED, ROW_WARNING } from './batch-chunk';

export interface ExportColumns {
  readonly features: readonly string[];
  readonly labelColumn: string | null;
}

const STATUS = ['ok', 'warning', 'not scored'];

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function predictionHeader(chunks: readonly ScoredChunk[]): string[] {
  const p = chunks.find((c) => c.predictions.kind !== 'tensors')?.predictions;
  if (!p) return ['status', 'note'];
  if (p.kind === 'regression') return ['prediction', 'status', 'note'];
  const scoreName = p.scoreKind === 'logits' ? 'logit' : 'probability';
  return ['prediction', 'confidence', ...(p.scores ? p.classes.map((c) => `${scoreName}_${c}`) : []), 'status', 'note'];
}

/** The scored batch as CSV, one string per chunk (a Blob can take them without one huge string). */
export function batchCsvParts(chunks: readonly ScoredChunk[], columns: ExportColumns): string[] {
  const header = [...columns.features, ...(columns.labelColumn ? [columns.labelColumn] : []), ...predictionHeader(chunks)];
  const parts = [header.map(csvCell).join(',') + '\n'];
  for (const chunk of chunks) {
    const lines: string[] = [];
    const p = chunk.predictions;
    const width = p.scores ? p.classes.length : 0;
    for (let i = 0; i < chunk.count; i++) {
      const cells: unknown[] = [...chunk.values[i]!];
      if (columns.labelColumn) cells.push(chunk.truth?.[i] ?? '');
      const scored = chunk.status[i] !== ROW_SKIPPED;
      if (p.kind === 'regression') cells.push(scored ? p.values![i] : '');
      else if (p.kind === 'classification') {
        cells.push(scored ? p.className[i] : '', scored ? p.confidence[i] : '');
        for (let c = 0; c < width; c++) cells.push(scored ? p.scores![i * width + c] : '');
      }
      cells.push(STATUS[chunk.status[i]!], chunk.notes.get(i) ?? '');
      lines.push(cells.map(csvCell).join(','));
    }
    if (lines.length > 0) parts.push(lines.join('\n') + '\n');
  }
  return parts;
}

/** The scored batch as a JSON array of records, one string per chunk. */
export function batchJsonParts(chunks: readonly ScoredChunk[], columns: ExportColumns): string[] {
  const parts = ['['];
  let first = true;
  for (const chunk of chunks) {
    const p = chunk.predictions;
    const width = p.scores ? p.classes.length : 0;
    const records: string[] = [];
    for (let i = 0; i < chunk.count; i++) {
      const record: Record<string, unknown> = { row: chunk.start + i + 1 };
      columns.features.forEach((f, k) => (record[f] = chunk.values[i]![k] ?? null));
      if (columns.labelColumn) record[columns.labelColumn] = chunk.truth?.[i] ?? null;
      const scored = chunk.status[i] !== ROW_SKIPPED;
      if (scored && p.kind === 'regression') record.prediction = p.values![i];
      if (scored && p.kind === 'classification') {
        record.prediction = p.className[i];
        record.class_index = p.classIndex[i];
        if (Number.isFinite(p.confidence[i])) record.confidence = p.confidence[i];
        if (p.scores) record[p.scoreKind === 'logits' ? 'logits' : 'probabilities'] = Object.fromEntries(p.classes.map((c, k) => [c, p.scores![i * width + k]]));
      }
      record.status = chunk.status[i] === ROW_WARNING ? 'warning' : chunk.status[i] === ROW_SKIPPED ? 'not scored' : 'ok';
      const note = chunk.notes.get(i);
      if (note) record.note = note;
      records.push(JSON.stringify(record));
    }
    if (records.length === 0) continue;
    parts.push((first ? '\n' : ',\n') + records.join(',\n'));
    first = false;
  }
  parts.push('\n]\n');
  return parts;
}
