import type { SkuScoreDto as SkuScore } from '@livecloud/selection/schemas';
import { useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { selectionApi } from './selection.api';
import { selectionQueries, shortlistKey } from './selection.queries';
import { selectionErrorMessage } from './selection-error';

/**
 * Adding to and removing from a session's shortlist; `busySku` is the SKU whose change is on
 * its way. Either way the session's shortlist and requirement coverage are read again.
 */
export function useShortlistActions(sessionId: string | null, shortlisted: ReadonlySet<string>) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [busySku, setBusySku] = useState<string | null>(null);

  const change = async (skuId: string, work: () => Promise<unknown>, done: string) => {
    setBusySku(skuId);
    try {
      await work();
      void message.success(done);
    } catch (cause) {
      void message.error(selectionErrorMessage(t, cause));
    } finally {
      setBusySku(null);
      void queryClient.invalidateQueries({ queryKey: [...shortlistKey, sessionId] });
      void queryClient.invalidateQueries({ queryKey: selectionQueries.coverage(sessionId).queryKey });
    }
  };
  const remove = (skuId: string) => {
    if (sessionId)
      void change(
        skuId,
        () => selectionApi.removeFromShortlist(sessionId, skuId),
        t('selection.shortlist.removed'),
      );
  };
  const toggle = (item: SkuScore) => {
    if (!sessionId) return;
    if (shortlisted.has(item.skuId)) remove(item.skuId);
    else
      void change(
        item.skuId,
        () => selectionApi.addToShortlist(sessionId, { productId: item.productId, skuId: item.skuId }),
        t('selection.shortlist.added'),
      );
  };
  return { busySku, remove, toggle };
}
