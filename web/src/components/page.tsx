import { Heading, Paragraph } from '@digdir/designsystemet-react';
import { useEffect, type ReactNode } from 'react';
import { useT } from '@/lib/i18n';

type PageProps = {
  title: string;
  intro?: ReactNode;
  /** Buttons or links shown beside the heading. */
  actions?: ReactNode;
  /** Shown above the heading (e.g. a back link). */
  before?: ReactNode;
  children?: ReactNode;
};

/** A page's heading (the only h1), document title and optional intro and actions. */
export function Page({ title, intro, actions, before, children }: PageProps) {
  const t = useT();
  useEffect(() => {
    document.title = `${title} – ${t('app.name')}`;
  }, [title, t]);
  return (
    <>
      {before}
      <div className="page-header">
        <div className="page-header__text">
          <Heading level={1} data-size="lg" tabIndex={-1} className="page-title">
            {title}
          </Heading>
          {intro && <Paragraph className="page-intro">{intro}</Paragraph>}
        </div>
        {actions && <div className="page-header__actions">{actions}</div>}
      </div>
      {children}
    </>
  );
}

/** A titled section of a page (h2). */
export function Section({ title, id, children, actions }: { title: string; id?: string; children: ReactNode; actions?: ReactNode }) {
  const headingId = id ? `${id}-heading` : undefined;
  return (
    <section className="page-section" aria-labelledby={headingId}>
      <div className="section-header">
        <Heading level={2} data-size="sm" id={headingId}>
          {title}
        </Heading>
        {actions && <div className="section-header__actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
