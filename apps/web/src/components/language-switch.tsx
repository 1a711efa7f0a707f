import { GlobalOutlined } from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useTranslation } from 'react-i18next';
import { changeLanguage, currentLanguage } from '../i18n';

/** One button that flips between 简体中文 and English, labelled in the language it switches to. */
export function LanguageSwitch({ tone = 'default' }: { tone?: 'default' | 'text' }) {
  const { t } = useTranslation();
  const next = currentLanguage() === 'zh-CN' ? 'en-US' : 'zh-CN';
  return (
    <Tooltip title={t('language.switchToLabel')}>
      <Button
        type={tone === 'text' ? 'text' : 'default'}
        icon={<GlobalOutlined />}
        data-testid="lang-switch"
        aria-label={t('language.switchToLabel')}
        onClick={() => void changeLanguage(next)}
      >
        {t('language.switchTo')}
      </Button>
    </Tooltip>
  );
}
