import { test, expect, PlaygroundPage } from './support/fixtures';

async function openPredict(app: PlaygroundPage, title: string): Promise<void> {
  await app.goto();
  await app.openExample(title);
  await app.page.getByRole('tab', { name: 'Predict' }).click();
  await expect(app.page.getByRole('button', { name: 'Predict', exact: true })).toBeVisible();
}

const field = (app: PlaygroundPage, name: string) => app.page.getByRole('spinbutton', { name, exact: true });

test('iris: fill the form, predict, and see the class, its probabilities and the code for this input', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await openPredict(app, 'Iris pipeline');
  // A typical setosa: short, narrow petals.
  await field(app, 'sepal length (cm)').fill('5.0');
  await field(app, 'sepal width (cm)').fill('3.4');
  await field(app, 'petal length (cm)').fill('1.5');
  await field(app, 'petal width (cm)').fill('0.2');
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByTestId('predicted-class')).toContainText('Predicted class: setosa');
  await expect(page.getByTestId('top-k')).toContainText('versicolor');
  await expect(page.getByTestId('probability-chart')).toBeVisible();
  await expect(page.getByTestId('snippet-javascript')).toContainText(`"float_input": new ort.Tensor('float32', Float32Array.from([5, 3.4, 1.5, 0.2]), [1, 4])`);
  await page.getByText('MLflow /invocations body', { exact: true }).click();
  const body = JSON.parse((await page.getByTestId('snippet-mlflow').textContent())!) as { dataframe_split: { columns: string[]; data: number[][] } };
  expect(body.dataframe_split.columns).toEqual(['sepal length (cm)', 'sepal width (cm)', 'petal length (cm)', 'petal width (cm)']);

  // The sliders move the same values.
  const slider = page.getByRole('slider', { name: 'petal length (cm)' });
  await slider.focus();
  await slider.press('End');
  await expect(field(app, 'petal length (cm)')).toHaveValue('6.9');
  await field(app, 'petal width (cm)').fill('2.3');
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByTestId('predicted-class')).toContainText('Predicted class: virginica');
});

test('iris: validation names the field and the rule, and blocks the run only for errors', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await openPredict(app, 'Iris pipeline');
  const predict = page.getByRole('button', { name: 'Predict', exact: true });
  await field(app, 'sepal width (cm)').fill('abc');
  await expect(app.alert('“sepal width (cm)” must be a number, not “abc”.')).toBeVisible();
  await expect(predict).toBeDisabled();
  await field(app, 'sepal width (cm)').fill('NaN');
  await expect(app.alert(/“sepal width \(cm\)” is NaN: NaN and ±Infinity cannot be given/)).toBeVisible();
  await field(app, 'sepal width (cm)').fill('3');
  await field(app, 'petal length (cm)').fill('0.5');
  await expect(app.alert('“petal length (cm)” is 0.5, below the declared minimum 1.1 (input_schema).')).toBeVisible();
  await expect(predict).toBeDisabled();
  await field(app, 'petal length (cm)').fill('');
  await expect(app.alert(/“petal length \(cm\)” is required/)).toBeVisible();
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(page.getByTestId('input-errors')).toHaveCount(0);
  await expect(predict).toBeEnabled();
});

test('wine (MLflow): outside the training range is a warning and still runs', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await openPredict(app, 'Wine (MLflow model)');
  await expect(page.getByText(/from metadata.json feature_names, metadata.json input_schema, metadata.json feature_types, the MLflow signature, the ONNX graph/)).toBeVisible();
  await field(app, 'proline').fill('2000');
  await expect(page.getByTestId('input-warnings')).toContainText('“proline” is 2000, outside the training range 278 to 1515');
  await expect(page.getByTestId('input-errors')).toHaveCount(0);
  await page.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(page.getByTestId('predicted-class')).toContainText(/Predicted class: class_[012]/);
});

test('a random row of the evaluation set fills the form and shows its true label', async ({ page }) => {
  const app = new PlaygroundPage(page);
  await openPredict(app, 'Iris random forest');
  await page.getByRole('button', { name: 'Random row of the evaluation set' }).click();
  await expect(page.getByTestId('fill-note')).toContainText(/row \d+ of test\.csv, true label: (setosa|versicolor|virginica) \([012]\)/);
  await page.getByRole('button', { name: 'Fill from example' }).click();
  await expect(field(app, 'sepal length (cm)')).toHaveValue('7.3');
});
