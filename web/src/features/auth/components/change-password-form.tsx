import { Button, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { FormErrorSummary, useFormErrors } from '@/components/form-errors';
import type { FieldError } from '@/lib/api-client';
import { useT } from '../i18n';
import { useChangePassword } from '../api/change-password';
import { isPasswordTooShort } from '@/lib/password';

const FIELD_IDS = {
  current_password: 'password-current',
  new_password: 'password-new',
  repeat_password: 'password-repeat',
};

export function ChangePasswordForm({ onSuccess }: { onSuccess: () => void }) {
  const t = useT();
  const change = useChangePassword();
  const form = useFormErrors(FIELD_IDS);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [repeat, setRepeat] = useState('');

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldError[] = [];
    if (!current) found.push({ field: 'current_password', message: t('common.required', { field: t('password.current').toLowerCase() }) });
    if (isPasswordTooShort(next)) found.push({ field: 'new_password', message: t('common.passwordTooShort') });
    else if (next !== repeat) found.push({ field: 'repeat_password', message: t('password.mismatch') });
    if (!form.validate(found)) return;
    change.mutate(
      { current_password: current, new_password: next },
      { onSuccess, onError: (err) => form.setServerError(err) },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="stack form-narrow">
      <FormErrorSummary form={form} labels={{ current_password: t('password.current'), new_password: t('password.new'), repeat_password: t('password.repeat') }} />
      <Textfield
        id={FIELD_IDS.current_password}
        type="password"
        label={t('password.current')}
        autoComplete="current-password"
        value={current}
        onChange={(e) => setCurrent(e.target.value)}
        error={form.error('current_password')}
      />
      <Textfield
        id={FIELD_IDS.new_password}
        type="password"
        label={t('password.new')}
        description={t('password.newHint')}
        autoComplete="new-password"
        value={next}
        onChange={(e) => setNext(e.target.value)}
        error={form.error('new_password')}
      />
      <Textfield
        id={FIELD_IDS.repeat_password}
        type="password"
        label={t('password.repeat')}
        autoComplete="new-password"
        value={repeat}
        onChange={(e) => setRepeat(e.target.value)}
        error={form.error('repeat_password')}
      />
      <div>
        <Button type="submit" loading={change.isPending}>
          {t('password.submit')}
        </Button>
      </div>
    </form>
  );
}
