import { readActionYml } from './e2e/runner.js';

/** Every input as the runner hands it to the step when the workflow sets none: action.yml's defaults, '' for the rest. */
export function actionDefaults(): Record<string, string> {
  const inputs = readActionYml().inputs ?? {};
  return Object.fromEntries(Object.entries(inputs).map(([name, spec]) => [name, spec.default === undefined ? '' : String(spec.default)]));
}
