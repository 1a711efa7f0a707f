import type { CategoryDto as Category } from '@livecloud/commerce/schemas';
import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Flex,
  Form,
  Input,
  Modal,
  Select,
  Space,
  Table,
  Typography,
  type TableProps,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatFen } from '../../lib/format';
import { categoriesApi } from './commerce.api';
import { commerceErrorMessage } from './commerce-error';
import { fenToYuanInput, parseYuanInput, yuanRule } from '../../lib/money';

interface CategoryForm {
  name: string;
  parentId?: string | null;
  deposit: string;
}

type Editing = { mode: 'create'; parentId: string | null } | { mode: 'edit'; category: Category };

/** The category tree with the deposit each category requires; add and edit in a modal. */
export function CategoriesTab({
  categories,
  loading,
  canManage,
  onChanged,
}: {
  categories: Category[];
  loading: boolean;
  canManage: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<CategoryForm>();
  const [editing, setEditing] = useState<Editing | null>(null);
  const [saving, setSaving] = useState(false);

  const open = (next: Editing) => {
    setEditing(next);
    form.setFieldsValue(
      next.mode === 'edit'
        ? { name: next.category.name, deposit: fenToYuanInput(next.category.requiredDepositFen) }
        : { name: '', parentId: next.parentId, deposit: '0' },
    );
  };

  const save = async (values: CategoryForm) => {
    if (!editing) return;
    const requiredDepositFen = parseYuanInput(values.deposit) ?? 0;
    setSaving(true);
    try {
      if (editing.mode === 'edit')
        await categoriesApi.update(editing.category.id, { name: values.name.trim(), requiredDepositFen });
      else
        await categoriesApi.create({
          name: values.name.trim(),
          parentId: values.parentId ?? null,
          requiredDepositFen,
        });
      void message.success(t('commerce.categories.saved'));
      setEditing(null);
      onChanged();
    } catch (cause) {
      void message.error(commerceErrorMessage(t, cause));
    } finally {
      setSaving(false);
    }
  };

  const columns: TableProps<Category>['columns'] = [
    {
      key: 'name',
      title: t('commerce.categories.name'),
      render: (_, c) => (
        <span style={{ paddingInlineStart: c.depth * 24 }}>
          {c.depth > 0 ? <Typography.Text type="secondary">└ </Typography.Text> : null}
          <Typography.Text strong={c.depth === 0}>{c.name}</Typography.Text>
        </span>
      ),
    },
    {
      key: 'required',
      title: t('commerce.categories.requiredDeposit'),
      align: 'right',
      render: (_, c) => formatFen(c.requiredDepositFen),
    },
    {
      key: 'effective',
      title: t('commerce.categories.effective'),
      align: 'right',
      render: (_, c) => <Typography.Text strong>{formatFen(c.effectiveRequiredDepositFen)}</Typography.Text>,
    },
    ...(canManage
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 180,
            render: (_: unknown, c: Category) => (
              <Space size={4}>
                <Button type="link" size="small" onClick={() => open({ mode: 'edit', category: c })}>
                  {t('commerce.categories.edit')}
                </Button>
                {c.depth < 2 ? (
                  <Button type="link" size="small" onClick={() => open({ mode: 'create', parentId: c.id })}>
                    {t('commerce.categories.addChild')}
                  </Button>
                ) : null}
              </Space>
            ),
          },
        ]
      : []),
  ];

  return (
    <>
      <Flex justify="space-between" align="center" gap={12} wrap style={{ marginBottom: 16 }}>
        <Typography.Text type="secondary">{t('commerce.categories.lead')}</Typography.Text>
        {canManage ? (
          <Button
            icon={<PlusOutlined />}
            onClick={() => open({ mode: 'create', parentId: null })}
            data-testid="category-add"
          >
            {t('commerce.categories.add')}
          </Button>
        ) : null}
      </Flex>
      <Table<Category>
        rowKey="id"
        columns={columns}
        dataSource={categories}
        loading={loading}
        pagination={false}
        locale={{ emptyText: t('commerce.categories.empty') }}
        data-testid="category-table"
      />
      <Modal
        open={editing !== null}
        title={editing?.mode === 'edit' ? t('commerce.categories.edit') : t('commerce.categories.add')}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        onOk={() => form.submit()}
        onCancel={() => setEditing(null)}
        confirmLoading={saving}
        okButtonProps={{ 'data-testid': 'category-submit' }}
        forceRender
      >
        <Form<CategoryForm> form={form} layout="vertical" onFinish={(values) => void save(values)}>
          <Form.Item
            name="name"
            label={t('commerce.categories.name')}
            rules={[{ required: true, whitespace: true, message: t('commerce.categories.nameRequired') }]}
          >
            <Input maxLength={50} data-testid="category-name" />
          </Form.Item>
          {editing?.mode === 'create' ? (
            <Form.Item name="parentId" label={t('commerce.categories.parent')}>
              <Select
                allowClear
                placeholder={t('commerce.categories.root')}
                options={categories.filter((c) => c.depth < 2).map((c) => ({ value: c.id, label: c.path }))}
              />
            </Form.Item>
          ) : null}
          <Form.Item
            name="deposit"
            label={t('commerce.categories.requiredDeposit')}
            rules={[yuanRule(t('commerce.merchants.amountInvalid'))]}
          >
            <Input
              prefix="¥"
              suffix={t('commerce.common.yuan')}
              inputMode="decimal"
              data-testid="category-deposit"
            />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
