/** Building blocks of the API contract, shared by every capability's method list. */
import { z } from 'zod';
import type { Messages } from '../i18n/en';

/** A method's declaration: the input schema at run time, the output type at compile time only. */
export interface MethodSpec<I extends z.ZodType, O> {
  input: I;
  /** Phantom field carrying the output type; never set at run time. */
  output?: O;
}

export function method<O>() {
  return <I extends z.ZodType>(input: I): MethodSpec<I, O> => ({ input });
}

export const noInput = z.strictObject({});

/**
 * A custom validation message is an i18n key (`validation.<name>`), not text: the dispatcher
 * translates it into the caller's language, as zod's own messages are.
 */
export function validationKey(name: keyof Messages['validation']): string {
  return `validation.${name}`;
}
