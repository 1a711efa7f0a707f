import { useQuery } from '@tanstack/react-query';
import { Alert, Button, Card, Col, Divider, Form, Input, Result, Row, Select, Spin, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BrandLogo } from '../../components/brand-logo';
import { LanguageSwitch } from '../../components/language-switch';
import '../merchants/commerce.css';
import { formatDateTime } from '../../lib/format';
import { commerceErrorMessage } from '../merchants/commerce-error';
import { applyApi } from './portal.api';
import { inviteCheckQuery } from './portal.queries';

interface ApplyForm {
  companyName: string;
  licenceNo: string;
  contactName: string;
  phone: string;
  categoryIds: string[];
  name: string;
  password: string;
}

const licencePattern = /^(?:[0-9A-HJ-NPQRTUWXY]{18}|\d{15})$/i;
const phonePattern = /^(?:(?:\+?86[- ]?)?1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/**
 * The public application page an invited merchant opens. The token travels in the URL
 * fragment (#…), which browsers never send to a server, so it stays out of access logs.
 */
export function MerchantApplyPage() {
  const { t } = useTranslation();
  const token = window.location.hash.replace(/^#/, '');
  const invite = useQuery(inviteCheckQuery(token));
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const submit = async (values: ApplyForm) => {
    setSubmitting(true);
    setError(null);
    try {
      const result = await applyApi.apply({
        token,
        companyName: values.companyName.trim(),
        licenceNo: values.licenceNo.trim().toUpperCase(),
        contact: { name: values.contactName.trim(), phone: values.phone.trim() },
        categoryIds: values.categoryIds,
        account: { name: values.name.trim(), password: values.password },
      });
      setDone(result.email);
    } catch (cause) {
      setError(commerceErrorMessage(t, cause));
    } finally {
      setSubmitting(false);
    }
  };

  const body = () => {
    if (done) {
      return (
        <Result
          status="success"
          title={t('commerce.apply.doneTitle')}
          subTitle={t('commerce.apply.doneText', { email: done })}
          extra={
            <Link to="/login">
              <Button type="primary" data-testid="apply-to-login">
                {t('commerce.apply.toLogin')}
              </Button>
            </Link>
          }
          data-testid="apply-done"
        />
      );
    }
    if (!token || invite.error) {
      return (
        <Result
          status="warning"
          title={t('commerce.apply.invalidTitle')}
          subTitle={token ? commerceErrorMessage(t, invite.error) : t('commerce.apply.noToken')}
          data-testid="apply-invalid"
        />
      );
    }
    if (!invite.data)
      return (
        <Spin tip={t('commerce.apply.loading')}>
          <div style={{ height: 120 }} />
        </Spin>
      );
    const data = invite.data;
    return (
      <>
        <Typography.Title level={3} style={{ marginBottom: 4 }}>
          {t('commerce.apply.title')}
        </Typography.Title>
        <Typography.Paragraph type="secondary">
          {t('commerce.apply.subtitle', { org: data.orgName })}{' '}
          {t('commerce.apply.expiresAt', { time: formatDateTime(data.expiresAt) })}
        </Typography.Paragraph>
        {error ? (
          <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} data-testid="apply-error" />
        ) : null}
        <Form<ApplyForm>
          layout="vertical"
          requiredMark={false}
          initialValues={{ companyName: data.companyName ?? '', categoryIds: [] }}
          onFinish={(values) => void submit(values)}
          data-testid="apply-form"
        >
          <Divider titlePlacement="start" plain>
            {t('commerce.apply.company')}
          </Divider>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Form.Item
                name="companyName"
                label={t('commerce.field.company')}
                rules={[{ required: true, whitespace: true, message: t('commerce.apply.companyRequired') }]}
              >
                <Input maxLength={100} data-testid="apply-company" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="licenceNo"
                label={t('commerce.field.licence')}
                extra={t('commerce.field.licenceHint')}
                rules={[
                  { required: true, message: t('commerce.apply.licenceRequired') },
                  { pattern: licencePattern, message: t('commerce.apply.licenceInvalid') },
                ]}
              >
                <Input maxLength={18} className="lc-mono" data-testid="apply-licence" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="contactName"
                label={t('commerce.field.contact')}
                rules={[{ required: true, whitespace: true, message: t('commerce.apply.contactRequired') }]}
              >
                <Input maxLength={50} data-testid="apply-contact" />
              </Form.Item>
            </Col>
            <Col xs={24} md={12}>
              <Form.Item
                name="phone"
                label={t('commerce.field.phone')}
                rules={[
                  { required: true, message: t('commerce.apply.phoneRequired') },
                  { pattern: phonePattern, message: t('commerce.apply.phoneInvalid') },
                ]}
              >
                <Input maxLength={20} data-testid="apply-phone" />
              </Form.Item>
            </Col>
          </Row>
          <Form.Item
            name="categoryIds"
            label={t('commerce.field.categories')}
            rules={[
              { required: true, type: 'array', min: 1, message: t('commerce.apply.categoriesRequired') },
            ]}
          >
            <Select
              mode="multiple"
              optionFilterProp="label"
              options={data.categories.map((c) => ({ value: c.id, label: c.path }))}
              data-testid="apply-categories"
            />
          </Form.Item>
          <Divider titlePlacement="start" plain>
            {t('commerce.apply.account')}
          </Divider>
          <Row gutter={16}>
            <Col xs={24} md={8}>
              <Form.Item label={t('commerce.apply.loginEmail')}>
                <Input value={data.email} disabled data-testid="apply-email" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="name"
                label={t('commerce.apply.name')}
                rules={[{ required: true, whitespace: true, message: t('commerce.apply.nameRequired') }]}
              >
                <Input maxLength={100} data-testid="apply-name" />
              </Form.Item>
            </Col>
            <Col xs={24} md={8}>
              <Form.Item
                name="password"
                label={t('commerce.apply.password')}
                rules={[
                  { required: true, message: t('commerce.apply.passwordRequired') },
                  { min: 10, message: t('commerce.apply.passwordTooShort') },
                ]}
              >
                <Input.Password autoComplete="new-password" data-testid="apply-password" />
              </Form.Item>
            </Col>
          </Row>
          <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
            {t('commerce.apply.passwordHint')}
          </Typography.Paragraph>
          <Button
            type="primary"
            htmlType="submit"
            size="large"
            block
            loading={submitting}
            data-testid="apply-submit"
          >
            {t('commerce.apply.submit')}
          </Button>
        </Form>
      </>
    );
  };

  return (
    <div className="lc-apply" data-testid="page-merchant-apply">
      <div className="lc-apply-inner">
        <div className="lc-apply-top">
          <BrandLogo size="large" />
          <LanguageSwitch tone="text" />
        </div>
        <Card className="lc-card">{body()}</Card>
      </div>
    </div>
  );
}
