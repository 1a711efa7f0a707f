import type { SubmissionDto as Submission } from '@livecloud/commerce/schemas';
import { Alert, Flex, Form, Input, Radio, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { qcApi, staffImageUrl } from '../merchants/commerce.api';
import { commerceQueries } from '../merchants/commerce.queries';
import { commerceErrorMessage } from '../merchants/commerce-error';
import { SubmissionStepModal } from '../submissions/submission-step-modal';
import { ImageUpload } from '../submissions/image-upload';

interface ItemResult {
  passed: boolean;
  reason?: string;
  photoIds: string[];
}
interface InspectionForm {
  items: Record<string, ItemResult>;
  summary?: string;
}

/** The inspection form: the category's checklist, pass or fail per item, a reason and photos for each failure. */
export function InspectionModal({
  submission,
  onClose,
  onDone,
}: {
  submission: Submission | null;
  onClose: () => void;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<InspectionForm>();
  const id = submission?.id ?? null;
  const template = useQuery(commerceQueries.qcTemplateFor(id));
  const values = Form.useWatch('items', form);
  const items = template.data?.items ?? [];
  const passes = items.every((item) => !item.required || values?.[item.key]?.passed !== false);

  const send = async (target: Submission, input: InspectionForm) => {
    await qcApi.inspect(target.id, {
      results: items.map((item) => {
        const result = input.items[item.key];
        return {
          key: item.key,
          passed: result?.passed ?? true,
          reason: result?.passed === false ? result.reason?.trim() : null,
          photoIds: result?.photoIds ?? [],
        };
      }),
      summary: input.summary?.trim() || null,
    });
    return true;
  };

  return (
    <SubmissionStepModal<InspectionForm>
      submission={submission}
      form={form}
      width={720}
      title={(s) => t('commerce.qc.inspectTitle', { title: s.productTitle })}
      okText={t('commerce.qc.submit')}
      okTestId="inspection-submit"
      ready={Boolean(template.data)}
      loading={template.isFetching}
      doneText={t('commerce.qc.done')}
      send={send}
      onClose={onClose}
      onDone={onDone}
    >
      {(submit) => (
        <>
          {template.error ? (
            <Alert
              type="warning"
              showIcon
              title={commerceErrorMessage(t, template.error)}
              description={t('commerce.qc.noTemplate')}
            />
          ) : null}
          {template.data ? (
            <Form<InspectionForm>
              form={form}
              layout="vertical"
              preserve={false}
              initialValues={{
                items: Object.fromEntries(items.map((item) => [item.key, { passed: true, photoIds: [] }])),
              }}
              onFinish={submit}
              data-testid="inspection-form"
            >
              <Typography.Paragraph type="secondary">
                {t('commerce.qc.template')}：{template.data.name}（{template.data.categoryPath}）
              </Typography.Paragraph>
              {items.map((item) => (
                <div
                  key={item.key}
                  className="lc-qc-item"
                  style={{ borderTop: '1px solid #f0f0f0', padding: '12px 0 0' }}
                >
                  <Flex justify="space-between" align="center" gap={12} wrap>
                    <span>
                      <Typography.Text strong>{item.label}</Typography.Text>
                      <Tag style={{ marginInlineStart: 8 }} color={item.required ? 'blue' : undefined}>
                        {item.required ? t('commerce.qc.required') : t('commerce.qc.optional')}
                      </Tag>
                    </span>
                    <Form.Item name={['items', item.key, 'passed']} noStyle>
                      <Radio.Group
                        optionType="button"
                        buttonStyle="solid"
                        options={[
                          { value: true, label: t('commerce.qc.pass') },
                          { value: false, label: t('commerce.qc.fail') },
                        ]}
                        data-testid={`qc-item-${item.key}`}
                      />
                    </Form.Item>
                  </Flex>
                  {values?.[item.key]?.passed === false ? (
                    <Flex gap={12} align="flex-start" wrap style={{ marginTop: 8 }}>
                      <Form.Item
                        name={['items', item.key, 'reason']}
                        rules={[
                          { required: true, whitespace: true, message: t('commerce.qc.failReasonRequired') },
                        ]}
                        style={{ flex: 1, minWidth: 240, marginBottom: 8 }}
                      >
                        <Input.TextArea rows={2} maxLength={500} placeholder={t('commerce.qc.failReason')} />
                      </Form.Item>
                      <Form.Item name={['items', item.key, 'photoIds']} style={{ marginBottom: 8 }}>
                        <ImageUpload upload={qcApi.upload} imageUrl={staffImageUrl} max={4} />
                      </Form.Item>
                    </Flex>
                  ) : (
                    <div style={{ height: 12 }} />
                  )}
                </div>
              ))}
              <Form.Item name="summary" label={t('commerce.qc.summary')} style={{ marginTop: 8 }}>
                <Input.TextArea rows={2} maxLength={1000} />
              </Form.Item>
              <Alert
                type={passes ? 'success' : 'error'}
                showIcon
                title={passes ? t('commerce.qc.verdictPass') : t('commerce.qc.verdictFail')}
                data-testid="inspection-verdict"
              />
            </Form>
          ) : null}
        </>
      )}
    </SubmissionStepModal>
  );
}
