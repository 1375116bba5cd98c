import { Page } from '@/components/page';
import { useAuthorization } from '@/lib/authorization';
import { AddValueForm } from '@/features/rules/components/add-value-form';
import { AssessCalculator } from '@/features/rules/components/assess-calculator';
import { ValuesSection } from '@/features/rules/components/legal-values';
import { TimeLimitsCalculator } from '@/features/rules/components/time-limits-calculator';
import { useT } from '../i18n';

/** «Regelverk»: the legal table in force today with its history, the admin's form, and the calculators. */
export function RulesPage() {
  const t = useT();
  const { can } = useAuthorization();
  return (
    <Page title={t('rules.title')} intro={t('rules.intro')}>
      <div className="stack-lg">
        <AssessCalculator />
        <TimeLimitsCalculator />
        <ValuesSection />
        {can('rules.values.write') && <AddValueForm />}
      </div>
    </Page>
  );
}
