import type { ForecastBasis } from '@livecloud/forecast/schemas';
import { Badge } from 'antd';
import { useTranslation } from 'react-i18next';

/** Bars by how much the item's own history backs them: its own, its category's, the organisation's. */
export const basisColor: Record<ForecastBasis, string> = {
  product: '#1664ff',
  category: '#fa8c16',
  org: '#8c8c8c',
  none: '#d9d9d9',
};

export const forecastBases: ForecastBasis[] = ['product', 'category', 'org', 'none'];

/** The basis as a dot in its chart colour and its name; a tag would hide the pale colours. */
export function BasisBadge({ basis }: { basis: ForecastBasis }) {
  const { t } = useTranslation();
  return <Badge color={basisColor[basis]} text={t(`forecast.basis.${basis}`)} />;
}
