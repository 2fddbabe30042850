/**
 * The one entry for every call from any transport (IPC, HTTP, CLI): validate the input against
 * the contract, run the handler, and turn any failure into an ApiError in the user's language.
 */
import { z } from 'zod';
import { contract, isMethodName, type CallResult, type MethodName } from '../../shared/contract';
import { AppError, type ApiError, type FieldIssue } from '../../shared/errors';
import { errorMessage, validationText } from '../../shared/i18n';
import type { Locale } from '../../shared/locale';
import type { Logger } from '../services/log';
import type { ServiceContext } from './context';
import { handlers as defaultHandlers, type Handlers } from './handlers';

export type Dispatch = (method: unknown, input: unknown) => Promise<CallResult<unknown>>;

export function issuesOf(error: z.ZodError, locale: Locale = 'en'): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.') || '(input)',
    message: validationText(issue.message, locale),
  }));
}

const zodMessages: Record<Locale, z.core.$ZodErrorMap> = {
  'zh-CN': z.locales.zhCN().localeError,
  en: z.locales.en().localeError,
};

export function toApiError(error: unknown, locale: Locale, logger?: Logger): ApiError {
  if (error instanceof AppError) {
    return {
      code: error.code,
      message: errorMessage(error.code, error.params, locale),
      ...(error.issues ? { issues: error.issues } : {}),
    };
  }
  logger?.error('unexpected error in a handler', error);
  const detail = error instanceof Error ? error.message : String(error);
  return { code: 'INTERNAL', message: errorMessage('INTERNAL', { detail }, locale) };
}

export function createDispatch(
  ctx: ServiceContext,
  options: { handlers?: Handlers; logger?: Logger } = {},
): Dispatch {
  const table = options.handlers ?? defaultHandlers;
  return async (method, input) => {
    let locale: Locale = 'en';
    try {
      locale = ctx.locale();
    } catch (error) {
      // A damaged settings value must not make every call fail; English is the safe fallback.
      options.logger?.error('could not read the language setting', error);
    }
    if (!isMethodName(method)) {
      return {
        ok: false,
        error: toApiError(
          new AppError('UNKNOWN_METHOD', { method: String(method).slice(0, 80) }),
          locale,
        ),
      };
    }
    const parsed = contract[method].input.safeParse(input ?? {}, { error: zodMessages[locale] });
    if (!parsed.success) {
      const issues = issuesOf(parsed.error, locale);
      const details = issues.map((i) => `${i.path}: ${i.message}`).join('; ');
      return {
        ok: false,
        error: toApiError(new AppError('INVALID_INPUT', { details }, issues), locale),
      };
    }
    try {
      const handler = table[method] as (input: unknown, ctx: ServiceContext) => unknown;
      const value = await handler(parsed.data, ctx);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toApiError(error, locale, options.logger) };
    }
  };
}

export type { MethodName };
