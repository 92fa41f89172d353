/** A mistake in the step's inputs: reported as the step's error, with no stack trace. */
export class InputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'InputError';
  }
}
