import { Alert, Button, Card, Heading, Paragraph } from '@digdir/designsystemet-react';
import { useState, type FormEvent } from 'react';
import { DateField } from '@/components/date-field';
import { SelectField } from '@/components/fields';
import { FormErrorSummary, useFormErrors } from '@/components/form-errors';
import { LoadError, Loading } from '@/components/query-state';
import type { FieldError } from '@/lib/api-client';
import { formatDate, todayIso } from '@/lib/format';
import { useT } from '../i18n';
import { useMunicipalities } from '../api/get-municipalities';
import { useRoles } from '../api/get-roles';

const FIELD_IDS = { municipality: 'at-municipality', at: 'at-date' };

/** Answers «Hvem var innkjøpsansvarlig på dato …?» with GET /api/roles?role=officer&at=. */
export function OfficerAtDate() {
  const t = useT();
  const municipalities = useMunicipalities();
  const form = useFormErrors(FIELD_IDS);
  const [municipality, setMunicipality] = useState('');
  const [at, setAt] = useState<string | null>(todayIso());
  const [asked, setAsked] = useState<{ municipality: string; at: string } | null>(null);
  const answer = useRoles(
    { role: 'officer', municipality: asked?.municipality, at: asked?.at },
    { enabled: asked !== null },
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    const found: FieldError[] = [];
    if (!municipality) found.push({ field: 'municipality', message: t('roles.missingMunicipality') });
    if (!at) found.push({ field: 'at', message: t('common.invalidDate') });
    if (!form.validate(found)) return;
    setAsked({ municipality, at: at as string });
  }

  const name = municipalities.data?.items.find((m) => m.orgnr === asked?.municipality)?.name ?? '';
  const holders = asked
    ? (answer.data?.items ?? []).filter(
        (r) => r.role === 'officer' && r.valid_from <= asked.at && (r.valid_to === null || r.valid_to >= asked.at),
      )
    : [];

  return (
    <Card className="panel">
      <Card.Block>
        <Heading level={2} data-size="sm" id="ask-heading">
          {t('history.askTitle')}
        </Heading>
        <form onSubmit={submit} noValidate className="stack" aria-labelledby="ask-heading">
          <FormErrorSummary form={form} />
          <div className="filter-bar">
            <SelectField id={FIELD_IDS.municipality} label={t('roles.municipality')} value={municipality} onChange={setMunicipality} error={form.error('municipality')}>
              <option value="">{t('roles.municipalityPlaceholder')}</option>
              {(municipalities.data?.items ?? []).map((m) => (
                <option key={m.orgnr} value={m.orgnr}>
                  {m.name}
                </option>
              ))}
            </SelectField>
            <DateField id={FIELD_IDS.at} label={t('history.askDate')} value={at} onChange={setAt} error={form.error('at')} />
            <div className="filter-bar__submit">
              <Button type="submit">{t('history.askSubmit')}</Button>
            </div>
          </div>
        </form>
        <div role="status" aria-live="polite">
          {asked &&
            (answer.isPending ? (
              <Loading />
            ) : answer.error ? (
              <LoadError error={answer.error} />
            ) : holders.length === 0 ? (
              <Alert data-color="warning" className="answer">
                <Paragraph>{t('history.answerNone', { municipality: name, date: formatDate(asked.at) })}</Paragraph>
              </Alert>
            ) : (
              <Alert data-color="info" className="answer">
                {holders.map((h) => (
                  <Paragraph key={h.id}>
                    {t('history.answer', {
                      municipality: name,
                      date: formatDate(asked.at),
                      person: h.person_name,
                      period: `${formatDate(h.valid_from)}–${h.valid_to ? formatDate(h.valid_to) : t('common.ongoing')}`,
                    })}
                  </Paragraph>
                ))}
              </Alert>
            ))}
        </div>
      </Card.Block>
    </Card>
  );
}
