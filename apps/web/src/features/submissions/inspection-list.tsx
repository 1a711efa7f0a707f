import type { InspectionDto as Inspection } from '@livecloud/commerce/schemas';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { Card, Flex, Image, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { actorLabel } from '../merchants/use-staff-names';

/** QC inspections with each item's result, reason and photos. */
export function InspectionList({
  inspections,
  names,
  imageUrl,
}: {
  inspections: Inspection[];
  names: ReadonlyMap<string, string>;
  imageUrl: (id: string) => string;
}) {
  const { t } = useTranslation();
  return (
    <Flex vertical gap={12} data-testid="inspection-list">
      {inspections.map((inspection) => (
        <Card
          key={inspection.id}
          size="small"
          title={
            <Flex gap={8} align="center">
              <Tag color={inspection.passed ? 'success' : 'error'}>
                {inspection.passed ? t('commerce.qc.passed') : t('commerce.qc.failed')}
              </Tag>
              <Typography.Text type="secondary" style={{ fontSize: 12, fontWeight: 'normal' }}>
                {formatDateTime(inspection.at)} · {actorLabel(t, inspection.actor, names)}
              </Typography.Text>
            </Flex>
          }
        >
          {inspection.results.map((item) => (
            <Flex key={item.key} gap={8} align="flex-start" style={{ padding: '4px 0' }}>
              {item.passed ? (
                <CheckCircleFilled style={{ color: '#52c41a', marginTop: 4 }} />
              ) : (
                <CloseCircleFilled style={{ color: '#ff4d4f', marginTop: 4 }} />
              )}
              <div style={{ flex: 1 }}>
                <Typography.Text>{item.label}</Typography.Text>
                <Tag style={{ marginInlineStart: 8 }} bordered={false}>
                  {item.required ? t('commerce.qc.required') : t('commerce.qc.optional')}
                </Tag>
                {item.reason ? (
                  <div>
                    <Typography.Text type="danger">{item.reason}</Typography.Text>
                  </div>
                ) : null}
                {item.photoIds.length > 0 ? (
                  <Image.PreviewGroup>
                    <Flex gap={6} style={{ marginTop: 6 }}>
                      {item.photoIds.map((id) => (
                        <Image
                          key={id}
                          src={imageUrl(id)}
                          width={56}
                          height={56}
                          style={{ objectFit: 'cover', borderRadius: 4 }}
                        />
                      ))}
                    </Flex>
                  </Image.PreviewGroup>
                ) : null}
              </div>
            </Flex>
          ))}
          {inspection.summary ? (
            <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
              {inspection.summary}
            </Typography.Paragraph>
          ) : null}
        </Card>
      ))}
    </Flex>
  );
}
