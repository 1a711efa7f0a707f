import { MailOutlined } from '@ant-design/icons';
import { Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import './commerce.css';
import { useApiQuery } from '../../api/use-api-query';
import { LoadError } from '../../components/load-error';
import { PageHeader } from '../../components/page-header';
import { useSession } from '../auth/session-context';
import { CategoriesTab } from './categories-tab';
import { categoriesApi, merchantsApi } from './commerce.api';
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
  const merchants = useApiQuery(merchantsApi.list);
  const categories = useApiQuery(categoriesApi.list);
  const [tab, setTab] = useState<TabKey>('list');
  const [openId, setOpenId] = useState<string | null>(null);
  const [inviting, setInviting] = useState(false);
  const invitesQuery = canManage ? merchantsApi.invites : noInvites;
  const invites = useApiQuery(invitesQuery);
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
          <LoadError error={merchants.error} onRetry={merchants.reload} />
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
                    loading={merchants.loading}
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
                          loading={invites.loading}
                          onChanged={invites.reload}
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
                    loading={categories.loading}
                    canManage={canManage}
                    onChanged={categories.reload}
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
        onChanged={merchants.reload}
      />
      <InviteModal open={inviting} onClose={() => setInviting(false)} onCreated={invites.reload} />
    </div>
  );
}

const noInvites = async () => ({ items: [] });
