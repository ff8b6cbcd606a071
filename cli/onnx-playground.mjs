#!/usr/bin/env node
// The `onnx-playground` command (package.json "bin"). Plain ESM for plain `node`.
import { writeFileSync } from 'node:fs';
import { parseCommandLine, UsageError } from './args.mjs';
import { USAGE } from './usage.mjs';
import { BenchError, runBench, toolVersion } from './bench.mjs';
import { runPredict } from './predict.mjs';
import { CHECK_USAGE } from './check-args.mjs';
import { checkCommand } from './check-command.mjs';
import { formatReport } from './table.mjs';
import { defaultTuneFile, runTune } from './tune.mjs';
import { formatTune } from './tune-table.mjs';

/**
 * @param {string[]} argv
 * @returns {Promise<number>} the exit status
 */
async function main(argv) {
  if (argv[0] === 'check') return checkCommand(argv.slice(1));
  let command;
  try {
    command = parseCommandLine(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`onnx-playground: ${error.message}\nRun \`onnx-playground --help\` for the options.\n`);
    return 2;
  }
  if (command.command === 'help') {
    process.stdout.write(`${USAGE}\n\n${CHECK_USAGE}\n`);
    return 0;
  }
  if (command.command === 'version') {
    process.stdout.write(`${toolVersion()}\n`);
    return 0;
  }
  if (command.command === 'tune') {
    try {
      const report = await runTune(command);
      process.stdout.write(`${formatTune(report)}\n`);
      const file = command.json ?? defaultTuneFile(command.model);
      writeFileSync(file, `${JSON.stringify(report, null, 2)}\n`);
      process.stderr.write(`Wrote ${file}\n`);
      return report.recommendation.fastest ? 0 : 1;
    } catch (error) {
      if (!(error instanceof BenchError)) throw error;
      process.stderr.write(`onnx-playground: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
      return 1;
    }
  }
  if (command.command === 'predict') {
    try {
      const doc = await runPredict(command);
      const text = `${JSON.stringify(doc, null, 2)}\n`;
      if (command.out) {
        writeFileSync(command.out, text);
        process.stderr.write(`Wrote ${command.out}\n`);
      } else {
        process.stdout.write(text);
      }
      return 0;
    } catch (error) {
      if (!(error instanceof BenchError)) throw error;
      process.stderr.write(`onnx-playground: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
      return 1;
    }
  }
  try {
    const report = await runBench(command);
    process.stdout.write(`${formatReport(report)}\n`);
    if (command.json) {
      writeFileSync(command.json, `${JSON.stringify(report, null, 2)}\n`);
      process.stderr.write(`Wrote ${command.json}\n`);
    }
    return report.failures.length > 0 || report.status !== 'complete' ? 1 : 0;
  } catch (error) {
    if (!(error instanceof BenchError)) throw error;
    process.stderr.write(`onnx-playground: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
    return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`onnx-playground: unexpected error: ${error?.stack ?? error}\n`);
    process.exit(1);
  },
);
