import { Button, Card, Heading, Paragraph, Tag } from '@digdir/designsystemet-react';
import { useState } from 'react';
import { ActionDialog } from '@/components/action-dialog';
import { AppLink, ButtonLink } from '@/components/app-link';
import { FormErrorSummary, useFormErrors } from '@/components/form-errors';
import { LoadError, Loading } from '@/components/query-state';
import { InlineMessage } from '@/components/status-message';
import { useAuthorization } from '@/lib/authorization';
import { formatDate, formatOrgnr, todayIso } from '@/lib/format';
import { roleLabel, useLang } from '@/lib/i18n';
import { useT } from '../i18n';
import { paths } from '@/lib/paths';
import { useMunicipalities, type Municipality } from '../api/get-municipalities';
import { useMakeHost } from '../api/make-host';
import { useRoles } from '../api/get-roles';
import { productAreaName, useProductAreas } from '../api/get-product-areas';
import { MunicipalityForm } from './municipality-form';
import { R1Status } from './r1-status';

function Facts({ m }: { m: Municipality }) {
  const t = useT();
  return (
    <dl className="facts facts--wide">
      <div>
        <dt>{t('municipality.orgnr')}</dt>
        <dd>
          <span className="tabular">{formatOrgnr(m.orgnr)}</span>
          {!m.orgnr_verified && <span className="cell-note">{t('municipality.orgnrUnverifiedLong')}</span>}
        </dd>
      </div>
      <div>
        <dt>{t('municipality.number')}</dt>
        <dd className="tabular">{m.municipality_number}</dd>
      </div>
      <div>
        <dt>{t('municipality.host')}</dt>
        <dd>{m.host ? t('common.yes') : t('common.no')}</dd>
      </div>
      <div>
        <dt>{t('municipality.memberFrom')}</dt>
        <dd className="tabular">{formatDate(m.member_from) || '–'}</dd>
      </div>
      <div>
        <dt>{t('municipality.memberTo')}</dt>
        <dd className="tabular">{formatDate(m.member_to) || '–'}</dd>
      </div>
      <div>
        <dt>{t('municipality.officer')}</dt>
        <dd>
          {m.officer ? (
            <>
              <AppLink to={paths.contact(m.officer.person_id)}>{m.officer.name}</AppLink>{' '}
              <span className="muted">{t('municipality.officerSince', { date: formatDate(m.officer.valid_from) })}</span>
            </>
          ) : (
            <span className="muted">{t('municipality.noOfficer')}</span>
          )}
        </dd>
      </div>
      <div>
        <dt>{t('r1.label')}</dt>
        <dd>
          <R1Status ok={m.r1_ok} />
        </dd>
      </div>
    </dl>
  );
}

function MakeHostDialog({ m, current, open, onClose, onDone }: { m: Municipality; current?: Municipality; open: boolean; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const makeHost = useMakeHost();
  const form = useFormErrors({});
  return (
    <ActionDialog open={open} title={t('municipality.makeHost')} onClose={onClose}>
      <div className="stack">
        <FormErrorSummary form={form} />
        <Paragraph>{t('municipality.makeHostConfirm', { name: m.name, current: current?.name ?? '–' })}</Paragraph>
        <div className="button-row">
          <Button
            loading={makeHost.isPending}
            onClick={() => makeHost.mutate(m.orgnr, { onSuccess: onDone, onError: (e) => form.setServerError(e) })}
          >
            {t('municipality.makeHost')}
          </Button>
          <Button variant="secondary" onClick={onClose}>
            {t('common.cancel')}
          </Button>
        </div>
      </div>
    </ActionDialog>
  );
}

function CurrentRoles({ orgnr }: { orgnr: string }) {
  const t = useT();
  const lang = useLang();
  const roles = useRoles({ municipality: orgnr, at: todayIso() });
  const areas = useProductAreas();
  if (roles.isPending) return <Loading />;
  if (roles.error) return <LoadError error={roles.error} onRetry={() => roles.refetch()} />;
  if (roles.data.items.length === 0) return <Paragraph>{t('people.noRoles')}</Paragraph>;
  const areaByCode = new Map((areas.data?.items ?? []).map((a) => [a.code, a]));
  return (
    <ul className="plain-list">
      {roles.data.items.map((r) => (
        <li key={r.id}>
          <AppLink to={paths.contact(r.person_id)}>{r.person_name}</AppLink> – {roleLabel(t, r.role)}
          {r.product_area && <> ({productAreaName(areaByCode.get(r.product_area), lang, r.product_area)})</>}
          <span className="muted"> {t('municipality.officerSince', { date: formatDate(r.valid_from) })}</span>
        </li>
      ))}
    </ul>
  );
}

/** One municipality: its facts, editing (admin, director), moving the host role, its roles. */
export function MunicipalityDetail({ orgnr }: { orgnr: string }) {
  const t = useT();
  const { can } = useAuthorization();
  const list = useMunicipalities();
  const [editing, setEditing] = useState(false);
  const [confirmHost, setConfirmHost] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  if (list.isPending) return <Loading />;
  if (list.error) return <LoadError error={list.error} onRetry={() => list.refetch()} />;
  const m = list.data.items.find((x) => x.orgnr === orgnr);
  if (!m) return <Paragraph>{t('municipality.notFound')}</Paragraph>;
  const currentHost = list.data.items.find((x) => x.host);
  const canWrite = can('org.municipalities.write');

  return (
    <div className="stack-lg">
      <InlineMessage message={message} />
      <div className="tag-row">
        {m.host && <Tag data-color="info">{t('municipality.hostTag')}</Tag>}
        <R1Status ok={m.r1_ok} />
      </div>
      <Card className="panel">
        <Card.Block>
          <div className="section-header">
            <Heading level={2} data-size="sm">
              {editing ? t('municipality.edit') : t('municipality.details')}
            </Heading>
            {!editing && canWrite && (
              <div className="section-header__actions">
                <Button variant="secondary" data-size="sm" onClick={() => { setMessage(null); setEditing(true); }}>
                  {t('common.edit')}
                </Button>
                {!m.host && (
                  <Button variant="secondary" data-size="sm" onClick={() => setConfirmHost(true)}>
                    {t('municipality.makeHost')}
                  </Button>
                )}
              </div>
            )}
          </div>
          {editing ? (
            <MunicipalityForm
              mode="edit"
              municipality={m}
              onCancel={() => setEditing(false)}
              onDone={() => {
                setEditing(false);
                setMessage(t('municipality.updated'));
              }}
            />
          ) : (
            <Facts m={m} />
          )}
        </Card.Block>
      </Card>
      {!m.r1_ok && can('org.roles.appoint_officer', { municipality: m.orgnr }) && (
        <div>
          <ButtonLink to={paths.appoint('officer', m.orgnr)}>{t('municipality.appointOfficer')}</ButtonLink>
        </div>
      )}
      <section aria-labelledby="municipality-roles" className="stack">
        <Heading level={2} data-size="sm" id="municipality-roles">
          {t('people.roles')}
        </Heading>
        <CurrentRoles orgnr={m.orgnr} />
      </section>
      {canWrite && !m.host && (
        <MakeHostDialog
          m={m}
          current={currentHost}
          open={confirmHost}
          onClose={() => setConfirmHost(false)}
          onDone={() => {
            setConfirmHost(false);
            setMessage(t('municipality.madeHost', { name: m.name }));
          }}
        />
      )}
    </div>
  );
}
