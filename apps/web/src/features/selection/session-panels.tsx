import type {
  CoverageDto as Coverage,
  ShortlistDto as Shortlist,
  SkuScoreDto as SkuScore,
} from '@livecloud/selection/schemas';
import type { UseQueryResult } from '@tanstack/react-query';
import { Alert, Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { CoveragePanel } from './coverage-panel';
import { ShortlistPanel } from './shortlist-panel';

/** The chosen session's shortlist beside its requirement coverage, or a hint to choose a session. */
export function SessionPanels({
  sessionId,
  shortlist,
  coverage,
  open,
  canManage,
  busySku,
  categoryNames,
  onRemove,
  onScore,
}: {
  sessionId: string | null;
  shortlist: UseQueryResult<Shortlist>;
  coverage: UseQueryResult<Coverage>;
  open: boolean;
  canManage: boolean;
  busySku: string | null;
  categoryNames: Map<string, string>;
  onRemove: (skuId: string) => void;
  onScore: (item: SkuScore) => void;
}) {
  const { t } = useTranslation();
  if (!sessionId) {
    return (
      <Alert
        type="info"
        showIcon
        style={{ marginBottom: 16 }}
        title={t('selection.shortlist.noSession')}
        data-testid="selection-shortlist"
      />
    );
  }
  return (
    <Row gutter={[16, 16]} style={{ marginBottom: 16 }}>
      <Col xs={24} xl={14}>
        <ShortlistPanel
          sessionId={sessionId}
          shortlist={shortlist}
          open={open}
          canManage={canManage}
          busySku={busySku}
          onRemove={onRemove}
          onScore={onScore}
        />
      </Col>
      <Col xs={24} xl={10}>
        <CoveragePanel sessionId={sessionId} coverage={coverage} categoryNames={categoryNames} />
      </Col>
    </Row>
  );
}
