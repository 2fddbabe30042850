/**
 * The customer register's state: the list query (search, filters, order, page), the page shown,
 * the open customer with its responses, and the add/edit form with its field errors.
 */
import { create } from 'zustand';
import {
  checkCustomer,
  customerProblemText,
  normalizeCustomer,
  splitTags,
  type Customer,
  type CustomerField,
  type CustomerFields,
  type CustomerFilterValues,
  type CustomerResponse,
  type CustomerSort,
} from '../../../shared/customers';
import { ApiCallError, api } from '../api/client';
import { useAppStore } from './app';
import { useResponsesStore } from './responses';

export const CUSTOMER_PAGE_SIZES = [25, 50, 100] as const;

/** The list's search, filters and order; null filters mean "all". */
export interface CustomerListQuery {
  search: string;
  type: string | null;
  stage: string | null;
  region: string | null;
  accountManager: string | null;
  sort: CustomerSort;
  descending: boolean;
}

const INITIAL_QUERY: CustomerListQuery = {
  search: '',
  type: null,
  stage: null,
  region: null,
  accountManager: null,
  sort: 'code',
  descending: false,
};

/** The form's values as typed: every field a string, tags as one text. */
export type CustomerDraft = Record<Exclude<CustomerField, 'tags'>, string> & { tags: string };

export const EMPTY_DRAFT: CustomerDraft = {
  code: '',
  name: '',
  type: '',
  stage: '',
  region: '',
  industry: '',
  size: '',
  contact: '',
  phone: '',
  email: '',
  accountManager: '',
  staffId: '',
  tags: '',
};

function draftOf(customer: Customer): CustomerDraft {
  const draft = { ...EMPTY_DRAFT };
  for (const key of Object.keys(EMPTY_DRAFT) as (keyof CustomerDraft)[]) {
    if (key === 'tags') draft.tags = customer.tags.join('、');
    else draft[key] = customer[key] ?? '';
  }
  return draft;
}

function fieldsOf(draft: CustomerDraft): CustomerFields {
  const { tags, name, ...texts } = draft;
  const fields = { name, tags: splitTags(tags) } as CustomerFields;
  for (const [key, value] of Object.entries(texts)) {
    (fields as unknown as Record<string, string | null>)[key] = value.trim() === '' ? null : value;
  }
  return normalizeCustomer(fields);
}

interface CustomersState {
  query: CustomerListQuery;
  offset: number;
  limit: number;
  total: number;
  items: Customer[];
  filters: CustomerFilterValues;
  loading: boolean;
  /** The open customer and its responses. */
  selected: Customer | null;
  responses: CustomerResponse[];
  /** The form: adding, or editing the selected customer; null when closed. */
  form: {
    mode: 'add' | 'edit';
    draft: CustomerDraft;
    errors: Partial<Record<CustomerField, string>>;
  } | null;
  saving: boolean;
  load: () => Promise<void>;
  setQuery: (patch: Partial<CustomerListQuery>) => void;
  resetQuery: () => void;
  sortBy: (sort: CustomerSort) => void;
  setPage: (offset: number, limit?: number) => void;
  open: (id: string) => Promise<void>;
  close: () => void;
  startAdd: () => void;
  startEdit: () => void;
  setDraft: (patch: Partial<CustomerDraft>) => void;
  cancelForm: () => void;
  save: () => Promise<Customer | null>;
  /** Opens one of the customer's responses in the Responses screen. */
  openResponse: (id: string) => void;
}

let searchTimer: ReturnType<typeof setTimeout> | undefined;
// Answers can arrive out of order while the user types: only the latest request is shown.
let requestNo = 0;

export const useCustomersStore = create<CustomersState>((set, get) => {
  async function fetchPage(): Promise<void> {
    const { query, offset, limit } = get();
    const mine = ++requestNo;
    set({ loading: true });
    try {
      const page = await api.customerRegister.list({ ...query, offset, limit });
      if (mine === requestNo) set({ total: page.total, items: page.items, loading: false });
    } catch (error) {
      if (mine === requestNo) set({ loading: false });
      useAppStore.getState().showError(error);
    }
  }

  return {
    query: INITIAL_QUERY,
    offset: 0,
    limit: 50,
    total: 0,
    items: [],
    filters: { types: [], stages: [], regions: [], accountManagers: [] },
    loading: false,
    selected: null,
    responses: [],
    form: null,
    saving: false,
    load: async () => {
      try {
        set({ filters: await api.customerRegister.filters() });
      } catch (error) {
        useAppStore.getState().showError(error);
      }
      await fetchPage();
    },
    setQuery: (patch) => {
      set({ query: { ...get().query, ...patch }, offset: 0 });
      clearTimeout(searchTimer);
      // Typing in the search box waits for a pause; a menu choice applies at once.
      if ('search' in patch) searchTimer = setTimeout(() => void fetchPage(), 250);
      else void fetchPage();
    },
    resetQuery: () => {
      set({ query: INITIAL_QUERY, offset: 0 });
      void fetchPage();
    },
    sortBy: (sort) => {
      const { query } = get();
      const descending = query.sort === sort ? !query.descending : false;
      set({ query: { ...query, sort, descending }, offset: 0 });
      void fetchPage();
    },
    setPage: (offset, limit) => {
      set({ offset, ...(limit ? { limit } : {}) });
      void fetchPage();
    },
    open: async (id) => {
      try {
        const [selected, responses] = await Promise.all([
          api.customerRegister.get({ id }),
          api.customerRegister.responses({ id }),
        ]);
        set({ selected, responses, form: null });
      } catch (error) {
        useAppStore.getState().showError(error);
      }
    },
    close: () => set({ selected: null, responses: [], form: null }),
    startAdd: () =>
      set({
        selected: null,
        responses: [],
        form: { mode: 'add', draft: { ...EMPTY_DRAFT }, errors: {} },
      }),
    startEdit: () => {
      const { selected } = get();
      if (selected) set({ form: { mode: 'edit', draft: draftOf(selected), errors: {} } });
    },
    setDraft: (patch) => {
      const { form } = get();
      if (!form) return;
      const errors = { ...form.errors };
      for (const key of Object.keys(patch)) delete errors[key as CustomerField];
      set({ form: { ...form, draft: { ...form.draft, ...patch }, errors } });
    },
    cancelForm: () => {
      const { form } = get();
      set(form?.mode === 'add' ? { form: null, selected: null } : { form: null });
    },
    save: async () => {
      const { form, selected } = get();
      if (!form) return null;
      const locale = useAppStore.getState().locale;
      const fields = fieldsOf(form.draft);
      // The same rules main applies, checked here first so the form answers at once.
      const problems = checkCustomer(fields);
      if (problems.length) {
        const errors: Partial<Record<CustomerField, string>> = {};
        for (const p of problems) errors[p.field] ??= customerProblemText(p, locale);
        set({ form: { ...form, errors } });
        return null;
      }
      set({ saving: true });
      try {
        const saved =
          form.mode === 'edit' && selected
            ? await api.customerRegister.update({ id: selected.id, fields })
            : await api.customerRegister.add(fields);
        set({ saving: false, form: null });
        await get().load();
        await get().open(saved.id);
        return saved;
      } catch (error) {
        set({ saving: false });
        // Field issues (a code another customer has) go beside their fields, the rest to the banner.
        if (error instanceof ApiCallError && error.error.issues?.length) {
          const errors: Partial<Record<CustomerField, string>> = {};
          for (const issue of error.error.issues)
            errors[issue.path as CustomerField] ??= issue.message;
          set({ form: { ...form, errors } });
        } else useAppStore.getState().showError(error);
        return null;
      }
    },
    openResponse: (id) => {
      // The side panel would cover the register when the user comes back.
      set({ selected: null, responses: [], form: null });
      void useResponsesStore.getState().open(id);
      useAppStore.getState().go('responses');
    },
  };
});
