import {
  BarChartOutlined,
  LockOutlined,
  MailOutlined,
  ShopOutlined,
  VideoCameraOutlined,
} from '@ant-design/icons';
import { Alert, Button, Form, Input, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { errorMessage } from '../../api/error-message';
import { BrandLogo } from '../../components/brand-logo';
import { LanguageSwitch } from '../../components/language-switch';
import { useSession } from './session-context';

interface LoginForm {
  email: string;
  password: string;
}

function redirectTarget(state: unknown): string {
  if (typeof state === 'object' && state !== null && 'from' in state && typeof state.from === 'string') {
    return state.from.startsWith('/') && !state.from.startsWith('/login') ? state.from : '/';
  }
  return '/';
}

export function LoginPage() {
  const { t } = useTranslation();
  const { status, login, signedOutReason } = useSession();
  const location = useLocation();
  const navigate = useNavigate();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const target = redirectTarget(location.state);

  if (status === 'loading') {
    return (
      <div className="lc-fullscreen-center">
        <Spin size="large" />
      </div>
    );
  }
  if (status === 'authenticated' && !submitting) return <Navigate to={target} replace />;

  const onFinish = async (values: LoginForm) => {
    setSubmitting(true);
    setError(null);
    try {
      await login({ email: values.email.trim(), password: values.password });
      await navigate(target, { replace: true });
    } catch (cause) {
      setError(errorMessage(t, cause));
    } finally {
      setSubmitting(false);
    }
  };

  const notice =
    error ??
    (signedOutReason === 'expired'
      ? t('auth.sessionExpired')
      : signedOutReason === 'logged_out'
        ? t('auth.loggedOut')
        : null);

  return (
    <div className="lc-login" data-testid="page-login">
      <aside className="lc-login-hero">
        <BrandLogo tone="light" size="large" />
        <div className="lc-login-hero-body">
          <h1 className="lc-login-hero-title">{t('auth.heroTitle')}</h1>
          <p className="lc-login-hero-lead">{t('auth.heroLead')}</p>
          <ul className="lc-login-hero-list">
            <li>
              <ShopOutlined /> <span>{t('auth.heroBefore')}</span>
            </li>
            <li>
              <VideoCameraOutlined /> <span>{t('auth.heroDuring')}</span>
            </li>
            <li>
              <BarChartOutlined /> <span>{t('auth.heroAfter')}</span>
            </li>
          </ul>
        </div>
        <div className="lc-login-hero-foot">
          {t('common.brand')} {t('common.brandZh')} · {t('common.tagline')}
        </div>
      </aside>
      <main className="lc-login-main">
        <div className="lc-login-toolbar">
          <LanguageSwitch tone="text" />
        </div>
        <div className="lc-login-panel">
          <div className="lc-login-panel-brand">
            <BrandLogo size="large" />
          </div>
          <Typography.Title level={3} style={{ marginBottom: 4 }}>
            {t('auth.welcome')}
          </Typography.Title>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 28 }}>
            {t('auth.subtitle')}
          </Typography.Paragraph>
          {notice ? (
            <Alert
              type={error ? 'error' : signedOutReason === 'expired' ? 'warning' : 'success'}
              showIcon
              title={notice}
              style={{ marginBottom: 20 }}
              data-testid={error ? 'login-error' : 'login-notice'}
            />
          ) : null}
          <Form<LoginForm>
            layout="vertical"
            size="large"
            requiredMark={false}
            onFinish={(values) => void onFinish(values)}
            data-testid="login-form"
          >
            <Form.Item
              name="email"
              label={t('auth.email')}
              rules={[
                { required: true, message: t('auth.emailRequired') },
                { type: 'email', message: t('auth.emailInvalid') },
              ]}
            >
              <Input
                prefix={<MailOutlined className="lc-input-icon" />}
                placeholder={t('auth.emailPlaceholder')}
                autoComplete="username"
                autoFocus
                data-testid="login-email"
              />
            </Form.Item>
            <Form.Item
              name="password"
              label={t('auth.password')}
              rules={[{ required: true, message: t('auth.passwordRequired') }]}
            >
              <Input.Password
                prefix={<LockOutlined className="lc-input-icon" />}
                placeholder={t('auth.passwordPlaceholder')}
                autoComplete="current-password"
                data-testid="login-password"
              />
            </Form.Item>
            <Form.Item style={{ marginBottom: 0, marginTop: 8 }}>
              <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
                {t('auth.submit')}
              </Button>
            </Form.Item>
          </Form>
        </div>
        <div className="lc-login-footer">
          © {new Date().getFullYear()} LiveCloud · {t('auth.footer')}
        </div>
      </main>
    </div>
  );
}
