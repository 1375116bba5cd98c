import { Button, Checkbox, Textfield } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { DateField } from '@/components/date-field';
import { FormErrorSummary, useFormErrors } from '@/components/form-errors';
import type { FieldError } from '@/lib/api-client';
import { formatOrgnr, isValidOrgnr, normalizeOrgnr } from '@/lib/format';
import { useT, type Translate } from '../i18n';
import { useCreateMunicipality } from '../api/create-municipality';
import type { Municipality } from '../api/get-municipalities';
import { useUpdateMunicipality, type UpdateMunicipalityInput } from '../api/update-municipality';

const FIELD_IDS = {
  orgnr: 'municipality-orgnr',
  name: 'municipality-name',
  municipality_number: 'municipality-number',
  host: 'municipality-host',
  member_from: 'municipality-member-from',
  member_to: 'municipality-member-to',
};

type Values = {
  orgnr: string;
  name: string;
  municipality_number: string;
  host: boolean;
  member_from: string | null;
  member_to: string | null;
};

function validate(t: Translate, v: Values, creating: boolean): FieldError[] {
  const errors: FieldError[] = [];
  if (creating && !isValidOrgnr(v.orgnr)) errors.push({ field: 'orgnr', message: t('municipality.orgnrInvalid') });
  if (!v.name.trim()) errors.push({ field: 'name', message: t('common.required', { field: t('municipality.name').toLowerCase() }) });
  if (!/^\d{4}$/.test(v.municipality_number.trim())) errors.push({ field: 'municipality_number', message: t('municipality.numberInvalid') });
  if (v.member_from === null) errors.push({ field: 'member_from', message: t('common.invalidDate') });
  if (v.member_to === null) errors.push({ field: 'member_to', message: t('common.invalidDate') });
  return errors;
}

type Props =
  | { mode: 'create'; onDone: (m: Municipality) => void; onCancel: () => void }
  | { mode: 'edit'; municipality: Municipality; onDone: (m: Municipality) => void; onCancel: () => void };

export function MunicipalityForm(props: Props) {
  const t = useT();
  const creating = props.mode === 'create';
  const initial = props.mode === 'edit' ? props.municipality : undefined;
  const [v, setV] = useState<Values>({
    orgnr: initial ? formatOrgnr(initial.orgnr) : '',
    name: initial?.name ?? '',
    municipality_number: initial?.municipality_number ?? '',
    host: initial?.host ?? false,
    member_from: initial?.member_from ?? '',
    member_to: initial?.member_to ?? '',
  });
  const form = useFormErrors(FIELD_IDS);
  const create = useCreateMunicipality();
  const update = useUpdateMunicipality();
  const pending = create.isPending || update.isPending;
  const set = <K extends keyof Values>(key: K, value: Values[K]) => setV((old) => ({ ...old, [key]: value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!form.validate(validate(t, v, creating))) return;
    const options = { onSuccess: props.onDone, onError: (err: unknown) => form.setServerError(err) };
    if (props.mode === 'create') {
      create.mutate(
        {
          orgnr: normalizeOrgnr(v.orgnr),
          name: v.name.trim(),
          municipality_number: v.municipality_number.trim(),
          host: v.host,
          member_from: v.member_from || null,
          member_to: v.member_to || null,
        },
        options,
      );
    } else {
      const m = props.municipality;
      const patch: UpdateMunicipalityInput = {};
      if (v.name.trim() !== m.name) patch.name = v.name.trim();
      if (v.municipality_number.trim() !== m.municipality_number) patch.municipality_number = v.municipality_number.trim();
      if ((v.member_from || null) !== m.member_from) patch.member_from = v.member_from || null;
      if ((v.member_to || null) !== m.member_to) patch.member_to = v.member_to || null;
      if (Object.keys(patch).length === 0) {
        props.onDone(m);
        return;
      }
      update.mutate({ orgnr: m.orgnr, patch }, options);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="stack form-narrow">
      <FormErrorSummary form={form} labels={{ orgnr: t('municipality.orgnr'), name: t('municipality.name'), municipality_number: t('municipality.number'), host: t('municipality.host'), member_from: t('municipality.memberFrom'), member_to: t('municipality.memberTo') }} />
      {creating && (
        <Textfield
          id={FIELD_IDS.orgnr}
          label={t('municipality.orgnr')}
          description={t('municipality.orgnrHint')}
          inputMode="numeric"
          autoComplete="off"
          value={v.orgnr}
          onChange={(e) => set('orgnr', e.target.value)}
          onBlur={() => isValidOrgnr(v.orgnr) && set('orgnr', formatOrgnr(normalizeOrgnr(v.orgnr)))}
          error={form.error('orgnr')}
        />
      )}
      <Textfield
        id={FIELD_IDS.name}
        label={t('municipality.name')}
        autoComplete="off"
        value={v.name}
        onChange={(e) => set('name', e.target.value)}
        error={form.error('name')}
      />
      <Textfield
        id={FIELD_IDS.municipality_number}
        label={t('municipality.number')}
        description={t('municipality.numberHint')}
        inputMode="numeric"
        autoComplete="off"
        value={v.municipality_number}
        onChange={(e) => set('municipality_number', e.target.value)}
        error={form.error('municipality_number')}
      />
      {creating && (
        <Checkbox
          id={FIELD_IDS.host}
          label={t('municipality.createHost')}
          description={t('municipality.createHostHint')}
          checked={v.host}
          onChange={(e) => set('host', e.target.checked)}
          error={form.error('host')}
        />
      )}
      <DateField
        id={FIELD_IDS.member_from}
        label={`${t('municipality.memberFrom')} ${t('common.optional')}`}
        value={v.member_from}
        onChange={(d) => set('member_from', d)}
        error={form.error('member_from')}
      />
      <DateField
        id={FIELD_IDS.member_to}
        label={`${t('municipality.memberTo')} ${t('common.optional')}`}
        value={v.member_to}
        onChange={(d) => set('member_to', d)}
        error={form.error('member_to')}
      />
      <div className="button-row">
        <Button type="submit" loading={pending}>
          {creating ? t('common.create') : t('common.save')}
        </Button>
        <Button type="button" variant="secondary" onClick={props.onCancel}>
          {t('common.cancel')}
        </Button>
      </div>
    </form>
  );
}
