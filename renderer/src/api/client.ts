/**
 * The typed client, generated from the contract: `api.settings.update({ locale: 'en' })`.
 * A failed call rejects with an ApiCallError carrying the typed error object.
 */
import {
  METHOD_NAMES,
  type ApiEvent,
  type MethodInput,
  type MethodName,
  type MethodOutput,
} from '../../../shared/contract';
import type { ApiError } from '../../../shared/errors';
import type { Bridge } from '../../../shared/bridge';
import { resolveBridge } from './bridge';

export class ApiCallError extends Error {
  readonly error: ApiError;
  constructor(error: ApiError) {
    super(error.message);
    this.name = 'ApiCallError';
    this.error = error;
  }
}

type Namespace = MethodName extends `${infer NS}.${string}` ? NS : never;

type Call<M extends MethodName> =
  Record<string, never> extends MethodInput<M>
    ? (input?: MethodInput<M>) => Promise<MethodOutput<M>>
    : (input: MethodInput<M>) => Promise<MethodOutput<M>>;

export type ApiClient = {
  [NS in Namespace]: {
    [M in MethodName as M extends `${NS}.${infer Rest}` ? Rest : never]: Call<M>;
  };
} & { onEvent: (listener: (event: ApiEvent) => void) => () => void };

export function createClient(bridge: Bridge): ApiClient {
  const client: Record<string, Record<string, unknown>> = {};
  for (const method of METHOD_NAMES) {
    const [namespace, name] = method.split('.') as [string, string];
    client[namespace] ??= {};
    client[namespace][name] = async (input?: unknown) => {
      const result = await bridge.invoke(method, input ?? {});
      if (!result.ok) throw new ApiCallError(result.error);
      return result.value;
    };
  }
  // One subscription to the bridge (one event stream for the host), shared by every store.
  const listeners = new Set<(event: ApiEvent) => void>();
  let subscribed = false;
  const onEvent = (listener: (event: ApiEvent) => void) => {
    listeners.add(listener);
    if (!subscribed) {
      subscribed = true;
      bridge.onEvent((event) => {
        for (const each of listeners) each(event);
      });
    }
    return () => {
      listeners.delete(listener);
    };
  };
  return Object.assign(client, { onEvent }) as unknown as ApiClient;
}

export const api = createClient(resolveBridge());
