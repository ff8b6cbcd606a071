// `onnx-playground check`: parse, run in the app, print, write the report, and the exit status.
import { writeFileSync } from 'node:fs';
import { UsageError } from './args.mjs';
import { BenchError } from './bench.mjs';
import { CHECK_USAGE, parseCheckCommand } from './check-args.mjs';
import { runCheck, UnusableInput } from './check.mjs';
import { formatCheck } from './check-table.mjs';

/**
 * @param {readonly string[]} argv the arguments after `check`
 * @returns {Promise<number>} 0 every output passes, 1 any differs or fails to run, 2 usage error or unusable input
 */
export async function checkCommand(argv) {
  let command;
  try {
    command = parseCheckCommand(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    process.stderr.write(`onnx-playground check: ${error.message}\nRun \`onnx-playground check --help\` for the options.\n`);
    return 2;
  }
  if (command.command === 'help') {
    process.stdout.write(`${CHECK_USAGE}\n`);
    return 0;
  }
  try {
    const { report, verdict } = await runCheck(command);
    process.stdout.write(`${formatCheck(report, verdict)}\n`);
    if (command.json) {
      writeFileSync(command.json, `${JSON.stringify(report, null, 2)}\n`);
      process.stderr.write(`Wrote ${command.json}\n`);
    }
    return report.pass ? 0 : 1;
  } catch (error) {
    if (!(error instanceof BenchError)) throw error;
    process.stderr.write(`onnx-playground check: ${error.message}\n${error.hint ? `${error.hint}\n` : ''}`);
    return error instanceof UnusableInput ? 2 : 1;
  }
}
