import { BankOutlined } from '@ant-design/icons';
import { App, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { errorMessage } from '../../api/error-message';
import { roleLabel } from '../../i18n/labels';
import { useCurrentSession, useSession } from '../auth/session-context';

/** The current organisation; a switcher when the user belongs to several. */
export function OrgSwitcher() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const session = useCurrentSession();
  const { switchOrg } = useSession();
  const navigate = useNavigate();
  const [switching, setSwitching] = useState(false);

  if (session.memberships.length < 2) {
    return (
      <Space size={6} className="lc-header-org" data-testid="header-org">
        <BankOutlined />
        <Typography.Text strong data-testid="org-name">
          {session.org.name}
        </Typography.Text>
      </Space>
    );
  }

  const onChange = async (orgId: string) => {
    setSwitching(true);
    try {
      const next = await switchOrg(orgId);
      void message.success(t('shell.switchedOrg', { name: next.org.name }));
      await navigate('/');
    } catch (cause) {
      void message.error(errorMessage(t, cause));
    } finally {
      setSwitching(false);
    }
  };

  return (
    <Space size={6} className="lc-header-org" data-testid="header-org">
      <BankOutlined />
      <Select
        value={session.org.id}
        loading={switching}
        disabled={switching}
        variant="borderless"
        popupMatchSelectWidth={false}
        aria-label={t('shell.switchOrg')}
        data-testid="org-switcher"
        labelRender={() => (
          <Typography.Text strong data-testid="org-name">
            {session.org.name}
          </Typography.Text>
        )}
        options={session.memberships.map((membership) => ({
          value: membership.orgId,
          label: (
            <Space size={8} data-testid={`org-option-${membership.orgId}`}>
              <span>{membership.orgName}</span>
              <Typography.Text type="secondary">{roleLabel(t, membership.role)}</Typography.Text>
            </Space>
          ),
        }))}
        onChange={(orgId: string) => void onChange(orgId)}
      />
    </Space>
  );
}
