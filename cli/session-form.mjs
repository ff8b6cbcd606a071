// Sets bench's session options in the Benchmark form, as a user would; refuses what the form
// does not offer (a dimension the model does not have) with the names it does offer.
/** @import { Page } from 'playwright-core' */
/** @import { SessionOptionsArgs } from './command-types' */
import { BenchError } from './bench.mjs';

/** @param {Page} page @param {SessionOptionsArgs} session */
export async function fillSessionOptions(page, session) {
  const form = page.locator('fieldset.session-options');
  if (session.graphOptimizationLevel) await form.getByRole('combobox', { name: 'Graph optimisation' }).selectOption(session.graphOptimizationLevel);
  for (const [name, size] of Object.entries(session.dims)) {
    const field = form.getByRole('spinbutton', { name: `Size of ${name}`, exact: true });
    if ((await field.count()) === 0) {
      const offered = await form.getByRole('spinbutton', { name: /^Size of / }).evaluateAll((els) => els.map((el) => el.getAttribute('aria-label')?.slice('Size of '.length)));
      throw new BenchError(`--dims: the model has no symbolic dimension “${name}” to size.`, offered.length > 0 ? `Its symbolic dimensions besides the batch: ${offered.join(', ')}.` : 'It has none besides the batch dimension (use --batch).');
    }
    await field.fill(String(size));
  }
  if (session.fixDims) {
    const fix = form.getByRole('checkbox', { name: /^Fix these sizes in the session/ });
    if ((await fix.count()) === 0) throw new BenchError('--fix-dims: the model has no symbolic dimension besides the batch one.', 'Leave out --fix-dims.');
    await fix.check();
  }
  if (session.layout) await form.getByRole('combobox', { name: 'WebGPU layout' }).selectOption(session.layout);
  await form.getByRole('checkbox', { name: 'Graph capture' }).setChecked(session.graphCapture);
  if (!session.graphCapture) await form.getByRole('checkbox', { name: 'Keep outputs on the GPU' }).setChecked(session.gpuOutputs);
}
