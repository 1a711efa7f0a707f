import type { DeadLetterDto as DeadLetter } from '@livecloud/events/schemas';
import { Alert, Input, Modal, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { editableText, parseCorrection } from './dead-letters.api';

export interface DeadLetterEditModalProps {
  /** The letter being corrected; null keeps the dialog closed. */
  letter: DeadLetter | null;
  busy: boolean;
  onSubmit: (letter: DeadLetter, payload: Record<string, unknown>) => void;
  onCancel: () => void;
}

/**
 * Correct a dead letter's item and replay it: the stored item as JSON to edit, checked to be a
 * JSON object before it is sent. The original stays with the letter.
 */
export function DeadLetterEditModal({ letter, busy, onSubmit, onCancel }: DeadLetterEditModalProps) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [error, setError] = useState<'notJson' | 'notObject' | null>(null);

  useEffect(() => {
    setText(letter ? editableText(letter) : '');
    setError(null);
  }, [letter]);

  const submit = () => {
    if (!letter) return;
    const parsed = parseCorrection(text);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    onSubmit(letter, parsed.payload);
  };

  return (
    <Modal
      open={letter !== null}
      title={t('events.edit.title')}
      okText={t('events.edit.submit')}
      cancelText={t('common.cancel')}
      onOk={submit}
      onCancel={onCancel}
      confirmLoading={busy}
      okButtonProps={{ 'data-testid': 'dead-letter-edit-submit' }}
      width={720}
      destroyOnHidden
    >
      {letter ? (
        <div style={{ display: 'flex', flexDirection: 'column', gap: 12 }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('events.edit.hint')}
          </Typography.Paragraph>
          <Alert type="error" title={letter.reason} />
          <Input.TextArea
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              setError(null);
            }}
            autoSize={{ minRows: 10, maxRows: 24 }}
            className="lc-mono"
            spellCheck={false}
            status={error ? 'error' : undefined}
            data-testid="dead-letter-edit-text"
          />
          {error ? (
            <Typography.Text type="danger" data-testid="dead-letter-edit-error">
              {t(`events.edit.${error}`)}
            </Typography.Text>
          ) : null}
        </div>
      ) : null}
    </Modal>
  );
}
