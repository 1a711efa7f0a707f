import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { selectionErrorMessage } from './selection-error';

/** A failed selection read in place of its content, worded with this area's own error texts. */
export function SelectionLoadError({
  error,
  onRetry,
  extra,
}: {
  error: unknown;
  onRetry: () => void;
  /** Another way out, next to retrying. */
  extra?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div data-testid="load-error">
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={selectionErrorMessage(t, error)}
        extra={
          <>
            <Button type="primary" onClick={onRetry}>
              {t('common.retry')}
            </Button>
            {extra}
          </>
        }
      />
    </div>
  );
}
