import type { StaffDto as Staff } from '@livecloud/access/schemas';
import { platforms, type Platform } from '@livecloud/contracts/vocabulary';
import type {
  AnchorDto as Anchor,
  PlatformAccountDto as PlatformAccount,
  RoomDto as Room,
} from '@livecloud/schedule/schemas';
import { App, Form, Input, Modal, Select } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { schedulingErrorMessage } from '../../lib/scheduling-error';
import { accountsApi, anchorsApi, roomsApi } from './accounts.api';

export type ResourceKind = 'account' | 'room' | 'anchor';

export type ResourceTarget =
  | { kind: 'account'; item: PlatformAccount | null }
  | { kind: 'room'; item: Room | null }
  | { kind: 'anchor'; item: Anchor | null };

interface FormValues {
  name?: string;
  location?: string;
  platform?: Platform;
  handle?: string;
  displayName?: string;
  membershipId?: string | null;
}

export interface ResourceModalProps {
  target: ResourceTarget | null;
  /** Staff with the anchor role, to link an anchor to the person who signs in. */
  anchorStaff: Staff[];
  onClose: () => void;
  onSaved: () => void;
}

/** Adds or edits an account, a room or an anchor. */
export function ResourceModal({ target, anchorStaff, onClose, onSaved }: ResourceModalProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);

  const initialValues = useMemo((): FormValues => {
    if (!target?.item) return target?.kind === 'account' ? { platform: 'douyin' } : {};
    switch (target.kind) {
      case 'account':
        return {
          platform: target.item.platform,
          handle: target.item.handle,
          displayName: target.item.displayName,
        };
      case 'room':
        return { name: target.item.name, location: target.item.location ?? '' };
      case 'anchor':
        return { name: target.item.name, membershipId: target.item.membershipId };
    }
  }, [target]);

  const save = async (values: FormValues): Promise<void> => {
    if (!target) return;
    const text = (value: string | undefined) => (value ?? '').trim();
    switch (target.kind) {
      case 'account': {
        const input = { handle: text(values.handle), displayName: text(values.displayName) };
        await (target.item
          ? accountsApi.update(target.item.id, input)
          : accountsApi.create({ ...input, platform: values.platform ?? 'douyin' }));
        return;
      }
      case 'room': {
        const input = { name: text(values.name), location: text(values.location) || null };
        await (target.item ? roomsApi.update(target.item.id, input) : roomsApi.create(input));
        return;
      }
      case 'anchor': {
        const input = { name: text(values.name), membershipId: values.membershipId ?? null };
        await (target.item ? anchorsApi.update(target.item.id, input) : anchorsApi.create(input));
        return;
      }
    }
  };

  const onSubmit = async (values: FormValues) => {
    setSaving(true);
    try {
      await save(values);
      void message.success(t('common.saved'));
      onSaved();
    } catch (cause) {
      void message.error(schedulingErrorMessage(t, cause));
    } finally {
      setSaving(false);
    }
  };

  const kind = target?.kind ?? 'room';
  const required = (label: string) => [
    { required: true, whitespace: true, message: t('schedule.accounts.required', { field: label }) },
  ];
  return (
    <Modal
      open={target !== null}
      title={t(target?.item ? `schedule.accounts.edit.${kind}` : `schedule.accounts.add.${kind}`)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={saving}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'resource-submit' }}
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        requiredMark
        initialValues={initialValues}
        onFinish={(values) => void onSubmit(values)}
        style={{ marginTop: 16 }}
      >
        {kind === 'account' ? (
          <>
            <Form.Item name="platform" label={t('schedule.accounts.platform')} rules={[{ required: true }]}>
              <Select
                disabled={Boolean(target?.item)}
                options={platforms.map((p) => ({ value: p, label: t(`schedule.platform.${p}`) }))}
                data-testid="account-platform"
              />
            </Form.Item>
            <Form.Item
              name="displayName"
              label={t('schedule.accounts.displayName')}
              rules={required(t('schedule.accounts.displayName'))}
            >
              <Input
                maxLength={100}
                placeholder={t('schedule.accounts.displayNamePlaceholder')}
                data-testid="account-display-name"
              />
            </Form.Item>
            <Form.Item
              name="handle"
              label={t('schedule.accounts.handle')}
              rules={required(t('schedule.accounts.handle'))}
              extra={t('schedule.accounts.handleHint')}
            >
              <Input maxLength={100} placeholder="xinghe_beauty" data-testid="account-handle" />
            </Form.Item>
          </>
        ) : (
          <Form.Item
            name="name"
            label={t('schedule.accounts.name')}
            rules={required(t('schedule.accounts.name'))}
          >
            <Input
              maxLength={100}
              placeholder={
                kind === 'room'
                  ? t('schedule.accounts.roomPlaceholder')
                  : t('schedule.accounts.anchorPlaceholder')
              }
              data-testid="resource-name"
            />
          </Form.Item>
        )}
        {kind === 'room' ? (
          <Form.Item name="location" label={t('schedule.accounts.location')}>
            <Input maxLength={200} placeholder={t('schedule.accounts.locationPlaceholder')} />
          </Form.Item>
        ) : null}
        {kind === 'anchor' ? (
          <Form.Item
            name="membershipId"
            label={t('schedule.accounts.member')}
            extra={t('schedule.accounts.memberHint')}
          >
            <Select
              allowClear
              placeholder={t('schedule.accounts.memberNone')}
              options={anchorStaff.map((s) => ({ value: s.id, label: `${s.name} · ${s.email}` }))}
            />
          </Form.Item>
        ) : null}
      </Form>
    </Modal>
  );
}
