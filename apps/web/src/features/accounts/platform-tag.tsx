import { type Platform } from '@livecloud/contracts/vocabulary';
import { Tag } from 'antd';
import { useTranslation } from 'react-i18next';

/** Each platform in the colour its users know it by. */
export const platformColor: Record<Platform, string> = {
  douyin: '#111111',
  kuaishou: '#ff5000',
  taobao: '#ff4400',
  xiaohongshu: '#ff2442',
  wechat_channels: '#07c160',
};

export function PlatformTag({ platform }: { platform: Platform }) {
  const { t } = useTranslation();
  return (
    <Tag color={platformColor[platform]} style={{ marginInlineEnd: 0 }}>
      {t(`scheduling.platform.${platform}`)}
    </Tag>
  );
}
