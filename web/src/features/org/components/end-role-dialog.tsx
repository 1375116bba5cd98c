import { Alert, Button, Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { ActionDialog } from '@/components/action-dialog';
import { DateField } from '@/components/date-field';
import { FormErrorSummary, useFormErrors } from '@/components/form-errors';
import { formatDate, todayIso } from '@/lib/format';
import { roleLabel } from '@/lib/i18n';
import { useT } from '../i18n';
import { useEndRole } from '../api/end-role';

export type EndRoleTarget = {
  id: number;
  role: string;
  personName: string;
  /** What the role applies to, e.g. "Grue" or "Grue, Mat og drikke". */
  scope: string;
  validFrom: string;
};

const FIELD_IDS = { valid_to: 'end-role-valid-to' };

/** Ends an assignment on a chosen last day (default today). */
export function EndRoleDialog({ target, onClose, onEnded }: { target: EndRoleTarget | null; onClose: () => void; onEnded: (message: string) => void }) {
  const t = useT();
  return (
    <ActionDialog open={target !== null} title={t('roles.endTitle')} onClose={onClose}>
      {target && <EndRoleForm key={target.id} target={target} onCancel={onClose} onEnded={onEnded} />}
    </ActionDialog>
  );
}

function EndRoleForm({ target, onCancel, onEnded }: { target: EndRoleTarget; onCancel: () => void; onEnded: (message: string) => void }) {
  const t = useT();
  const end = useEndRole();
  const form = useFormErrors(FIELD_IDS);
  const [validTo, setValidTo] = useState<string | null>(todayIso());

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.validate(validTo ? [] : [{ field: 'valid_to', message: t('common.invalidDate') }])) return;
    const date = validTo as string;
    end.mutate(
      { id: target.id, validTo: date },
      {
        onSuccess: () => onEnded(t('roles.ended', { person: target.personName, date: formatDate(date) })),
        onError: (err) => form.setServerError(err),
      },
    );
  }

  return (
    <form onSubmit={submit} noValidate className="stack">
      <FormErrorSummary form={form} labels={{ valid_to: t('roles.endLastDay') }} />
      <Paragraph>{t('roles.endText', { role: roleLabel(t, target.role).toLowerCase(), person: target.personName, scope: target.scope })}</Paragraph>
      <DateField id={FIELD_IDS.valid_to} label={t('roles.endLastDay')} value={validTo} onChange={setValidTo} error={form.error('valid_to')} />
      {target.role === 'officer' && (
        <Alert data-color="warning">
          <Paragraph>{t('roles.endVacancyWarning')}</Paragraph>
        </Alert>
      )}
      <div className="button-row">
        <Button type="submit" data-color="danger" loading={end.isPending}>
          {t('roles.endConfirm')}
        </Button>
        <Button type="button" variant="secondary" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
