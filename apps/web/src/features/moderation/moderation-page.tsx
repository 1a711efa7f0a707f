import { Col, Row } from 'antd';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/page-header';
import { FlaggedCommentsTable } from './flagged-comments-table';
import { LexiconTable } from './lexicon-table';

/** 内容审核: the comments the lexicon flagged on the big screens, and the lexicon itself. */
export function ModerationPage() {
  const { t } = useTranslation();
  return (
    <div data-testid="page-risk-moderation">
      <PageHeader title={t('moderation.title')} subtitle={t('moderation.subtitle')} />
      <Row gutter={[16, 16]}>
        <Col xs={24} xxl={15}>
          <FlaggedCommentsTable />
        </Col>
        <Col xs={24} xxl={9}>
          <LexiconTable />
        </Col>
      </Row>
    </div>
  );
}
