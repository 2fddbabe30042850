/**
 * The customer register: list, one customer, add and edit by hand with the field rules of
 * shared/customers.ts, and the customer's responses. Erasure is the privacy capability's.
 */
import { randomUUID } from 'node:crypto';
import {
  checkCustomer,
  customerProblemText,
  customerQuery,
  normalizeCustomer,
  type Customer,
  type CustomerFields,
  type CustomerFilterValues,
  type CustomerPage,
  type CustomerProblem,
  type CustomerQuery,
  type CustomerResponse,
} from '../../shared/customers';
import { AppError } from '../../shared/errors';
import type { Locale } from '../../shared/locale';
import type { Db } from '../db/connection';
import { customerOf, customerRepository, type CustomerRepository } from './repository';

export interface CustomerServiceDeps {
  db: Db;
  clock?: () => Date;
  /** Who makes the change (the operator setting), written to the audit log. */
  actor?: () => string | null;
}

const repositories = new WeakMap<Db, CustomerRepository>();

/** One repository per connection, so its statements are prepared once. */
export function repositoryFor(db: Db): CustomerRepository {
  let repo = repositories.get(db);
  if (!repo) {
    repo = customerRepository(db);
    repositories.set(db, repo);
  }
  return repo;
}

/** INVALID_INPUT naming each field that breaks a rule, in the user's language. */
function invalid(problems: CustomerProblem[], locale: Locale): AppError {
  const issues = problems.map((p) => ({ path: p.field, message: customerProblemText(p, locale) }));
  return new AppError(
    'INVALID_INPUT',
    { details: issues.map((i) => `${i.path}: ${i.message}`).join('; ') },
    issues,
  );
}

export function customerService(deps: CustomerServiceDeps) {
  const { db } = deps;
  const repo = repositoryFor(db);
  const now = () => (deps.clock ?? (() => new Date()))().toISOString();
  const actor = () => deps.actor?.() ?? null;

  /** The fields normalised and checked; the code must not belong to another customer. */
  function checked(input: CustomerFields, locale: Locale, selfId: string | null): CustomerFields {
    const fields = normalizeCustomer(input);
    const problems = checkCustomer(fields);
    const owner = fields.code ? repo.byCode(fields.code) : undefined;
    if (owner && owner.id !== selfId) {
      problems.push({ field: 'code', code: 'code_taken', params: { code: fields.code ?? '' } });
    }
    if (problems.length) throw invalid(problems, locale);
    return fields;
  }

  function get(id: string): Customer {
    const row = repo.get(id);
    if (!row) throw new AppError('NOT_FOUND', { what: `customer ${id}` });
    return customerOf(row);
  }

  return {
    list(query: CustomerQuery): CustomerPage {
      const { total, rows } = repo.list(customerQuery.parse(query));
      return { total, items: rows.map(customerOf) };
    },
    filters(): CustomerFilterValues {
      return repo.filterValues();
    },
    get,
    add(input: CustomerFields, locale: Locale): Customer {
      const id = randomUUID();
      db.transaction(() => {
        const fields = checked(input, locale, null);
        const at = now();
        repo.insert(id, fields, at);
        repo.audit(at, actor(), 'customer.add', id, { code: fields.code });
      })();
      return get(id);
    },
    update(id: string, input: CustomerFields, locale: Locale): Customer {
      db.transaction(() => {
        const before = get(id);
        const fields = checked(input, locale, id);
        const at = now();
        repo.update(id, fields, at);
        const changed = (Object.keys(fields) as (keyof CustomerFields)[]).filter(
          (k) => JSON.stringify(fields[k]) !== JSON.stringify(before[k]),
        );
        // Which fields changed, not their values: the audit log must not copy personal data.
        repo.audit(at, actor(), 'customer.update', id, { fields: changed });
      })();
      return get(id);
    },
    responses(id: string): CustomerResponse[] {
      get(id);
      return repo.responses(id);
    },
  };
}

export type CustomerService = ReturnType<typeof customerService>;
