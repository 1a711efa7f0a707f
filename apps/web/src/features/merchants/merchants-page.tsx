import { MailOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './commerce.css';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../auth/session-context';
import { CategoriesTab } from './categories-tab';
import { commerceQueries } from './commerce.queries';
import { InviteModal } from './invite-modal';
import { InvitesTab } from './invites-tab';
import { MerchantDrawer } from './merchant-drawer';
import { MerchantList } from './merchant-list';

type TabKey = 'list' | 'invites' | 'categories';

/** 商家管理: merchants and their review, invitations to apply, categories with required deposits. */
export function MerchantsPage() {
  const { t } = useTranslation();
  const { can } = useSession();
  const canManage = can('commerce:manage');
  const queryClient = useQueryClient();
  const merchants = useQuery(commerceQueries.merchants());
  const categories = useQuery(commerceQueries.categories());
  const reload = (query: { queryKey: readonly unknown[] }) =>
    void queryClient.invalidateQueries({ queryKey: query.queryKey });
  const [tab, setTab] = useState<TabKey>('list');
  const [openId, setOpenId] = useState<string | null>(null);
  const [inviting, setInviting] = useState(false);
  const invites = useQuery({ ...commerceQueries.invites(), enabled: canManage });
  const categoryList = categories.data?.items ?? [];

  return (
    <div data-testid="page-before-merchants">
      <PageHeader
        title={t('commerce.merchants.title')}
        subtitle={t('commerce.merchants.subtitle')}
        extra={
          canManage ? (
            <Button
              type="primary"
              icon={<MailOutlined />}
              onClick={() => setInviting(true)}
              data-testid="merchant-invite"
            >
              {t('commerce.merchants.invite')}
            </Button>
          ) : null
        }
      />
      <Card className="lc-card">
        {merchants.error && !merchants.data ? (
          <LoadError error={merchants.error} onRetry={() => void merchants.refetch()} />
        ) : (
          <Tabs
            activeKey={tab}
            onChange={(key) => setTab(key as TabKey)}
            items={[
              {
                key: 'list',
                label: t('commerce.merchants.tabList'),
                children: (
                  <MerchantList
                    merchants={merchants.data?.items ?? []}
                    categories={categoryList}
                    loading={merchants.isFetching}
                    onOpen={(m) => setOpenId(m.id)}
                  />
                ),
              },
              ...(canManage
                ? [
                    {
                      key: 'invites',
                      label: t('commerce.merchants.tabInvites'),
                      children: (
                        <InvitesTab
                          invites={invites.data?.items ?? []}
                          loading={invites.isFetching}
                          onChanged={() => reload(commerceQueries.invites())}
                        />
                      ),
                    },
                  ]
                : []),
              {
                key: 'categories',
                label: t('commerce.merchants.tabCategories'),
                children: (
                  <CategoriesTab
                    categories={categoryList}
                    loading={categories.isFetching}
                    canManage={canManage}
                    onChanged={() => reload(commerceQueries.categories())}
                  />
                ),
              },
            ]}
          />
        )}
      </Card>
      <MerchantDrawer
        merchantId={openId}
        categories={categoryList}
        onClose={() => setOpenId(null)}
        onChanged={() => reload(commerceQueries.merchants())}
      />
      <InviteModal
        open={inviting}
        onClose={() => setInviting(false)}
        onCreated={() => reload(commerceQueries.invites())}
      />
    </div>
  );
}
