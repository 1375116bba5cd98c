import { Tag } from '@digdir/designsystemet-react';
import { useT } from '../i18n';

/** Rule R-1 for one municipality: green when it has exactly one active officer, red when not. */
export function R1Status({ ok }: { ok: boolean }) {
  const t = useT();
  return ok ? (
    <Tag data-color="success" data-size="sm" className="r1-tag">
      {t('r1.ok')}
    </Tag>
  ) : (
    <Tag data-color="danger" data-size="sm" className="r1-tag">
      {t('r1.missing')}
    </Tag>
  );
}
