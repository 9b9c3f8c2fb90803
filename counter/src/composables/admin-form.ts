import { ref } from 'vue';
import { useI18n } from 'vue-i18n';
import { ErrorCode } from '@shared/errors';
import { ApiError, errorCodeOf } from '@ui/api';

/** Field messages of a form, by field name (the names of the hub's schema). */
export type FieldErrors = Record<string, string>;

/** The field a schema-validator message is about: "body/prefix must match…" → "prefix". */
export function fieldOfValidatorMessage(text: string): string | null {
  return /^body\/([A-Za-z]+)/.exec(text)?.[1] ?? null;
}

/**
 * State of one admin form: client-side checks first, then the hub's answer. A VALIDATION_FAILED with
 * `details.field` puts the hub's (Vietnamese) message next to that field; otherwise the message goes to the
 * banner above the form. `codeFields` sends other codes to a field (e.g. USERNAME_TAKEN → username).
 */
export function useAdminForm(codeFields: Partial<Record<ErrorCode, string>> = {}) {
  const { t } = useI18n();
  const saving = ref(false);
  const fieldErrors = ref<FieldErrors>({});
  const banner = ref<string | null>(null);

  function clear(): void {
    fieldErrors.value = {};
    banner.value = null;
  }

  function showFields(errors: FieldErrors): void {
    fieldErrors.value = errors;
    banner.value = t('admin.common.fixErrors');
  }

  function showServerError(error: unknown): void {
    const code = errorCodeOf(error);
    const details = error instanceof ApiError ? error.details : undefined;
    if (code === ErrorCode.VALIDATION_FAILED) {
      const d = (details ?? {}) as { field?: unknown; message?: unknown };
      const message = typeof d.message === 'string' ? d.message : null;
      const field = typeof d.field === 'string' ? d.field : typeof details === 'string' ? fieldOfValidatorMessage(details) : null;
      if (field) return showFields({ [field]: message ?? t('admin.common.invalid') });
      banner.value = message ?? t(`errors.${code}`);
      return;
    }
    const field = codeFields[code];
    if (field) return showFields({ [field]: t(`errors.${code}`) });
    banner.value = t(`errors.${code}`);
  }

  /**
   * Validates with `check` (field → message; empty = fine), then runs `save`. True when saved; on failure
   * the messages are shown and the form stays open.
   */
  async function submit(check: () => FieldErrors, save: () => Promise<unknown>): Promise<boolean> {
    clear();
    const errors = check();
    if (Object.keys(errors).length) {
      showFields(errors);
      return false;
    }
    saving.value = true;
    try {
      await save();
      return true;
    } catch (error) {
      showServerError(error);
      return false;
    } finally {
      saving.value = false;
    }
  }

  return { saving, fieldErrors, banner, clear, submit, showServerError };
}

/** The state of an admin form, as AdminFormDialog shows it (Save busy, the banner). */
export type AdminForm = ReturnType<typeof useAdminForm>;

/**
 * `useAdminForm` of a dialog (bind it with AdminFormDialog's `form`): `save` checks and saves like `submit`,
 * then calls `close` once saved.
 */
export function useAdminDialogForm(close: () => void, codeFields: Partial<Record<ErrorCode, string>> = {}) {
  const form = useAdminForm(codeFields);
  async function save(check: () => FieldErrors, run: () => Promise<unknown>): Promise<void> {
    if (await form.submit(check, run)) close();
  }
  return { ...form, save };
}

/** Checks shared by the forms; each returns the message key's text or null. */
export function useFieldChecks() {
  const { t } = useI18n();
  return {
    required: (value: string) => (value.trim() === '' ? t('admin.common.required') : null),
    integer: (value: number | string, min: number, max: number) => {
      const n = Number(value);
      return value === '' || !Number.isInteger(n) || n < min || n > max ? t('admin.common.range', { min, max }) : null;
    },
  };
}

/** Drops the null entries of a `field → message | null` map. */
export function onlyErrors(map: Record<string, string | null>): FieldErrors {
  return Object.fromEntries(Object.entries(map).filter((e): e is [string, string] => e[1] !== null));
}
