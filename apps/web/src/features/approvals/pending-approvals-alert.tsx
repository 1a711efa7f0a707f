import { useQuery } from '@tanstack/react-query';
import { Alert } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatFen } from '../../lib/format';
import { approvalQueries } from './approvals.queries';

/** In a merchant's drawer: what is asked for it and waits for a second person (nothing when none). */
export function PendingApprovalsAlert({ merchantId }: { merchantId: string }) {
  const { t } = useTranslation();
  const { data } = useQuery(approvalQueries.pendingOf(merchantId));
  const pending = data?.items ?? [];
  if (pending.length === 0) return null;
  const items = pending
    .map((a) => `${t(`approvals.kind.${a.kind}`)}${a.amountFen === null ? '' : ` ${formatFen(a.amountFen)}`}`)
    .join('、');
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginBottom: 16 }}
      title={t('approvals.pendingOfMerchant', { items })}
      action={<Link to="/before/approvals">{t('approvals.openQueue')}</Link>}
      data-testid="merchant-pending-approvals"
    />
  );
}
