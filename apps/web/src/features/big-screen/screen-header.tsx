import type { LiveBoard } from '@livecloud/live/schemas';
import {
  ArrowLeftOutlined,
  FullscreenExitOutlined,
  FullscreenOutlined,
  GlobalOutlined,
  LoadingOutlined,
} from '@ant-design/icons';
import { Button, Tooltip } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BrandLogo } from '../../components/brand-logo';
import { changeLanguage, currentLanguage } from '../../i18n';
import { formatElapsed, formatTime } from './big-screen-format';
import { bigScreenPickerPath } from './big-screen-paths';
import { type LiveConnection } from './use-live-board';

/** A session with no event for this long is shown as idle rather than live. */
const idleAfterMs = 120_000;

function useNow(intervalMs = 1_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(timer);
  }, [intervalMs]);
  return now;
}

function useFullscreen(): { active: boolean; toggle: () => void; supported: boolean } {
  const [active, setActive] = useState(() => document.fullscreenElement !== null);
  useEffect(() => {
    const onChange = () => setActive(document.fullscreenElement !== null);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) void document.exitFullscreen();
    else void document.documentElement.requestFullscreen().catch(() => undefined);
  }, []);
  return { active, toggle, supported: document.fullscreenEnabled };
}

function ConnectionBadge({ connection }: { connection: LiveConnection }) {
  const { t } = useTranslation();
  return (
    <span className={`lc-bs-conn lc-bs-conn-${connection}`} data-testid="connection" data-state={connection}>
      {connection === 'live' ? <i className="lc-bs-conn-dot" /> : <LoadingOutlined />}
      {t(`bigScreen.connection.${connection}`)}
    </span>
  );
}

const weekdays = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

function Clock() {
  const { t } = useTranslation();
  const now = useNow();
  const date = new Date(now);
  const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
  return (
    <span className="lc-bs-clock" data-testid="clock">
      <span className="lc-bs-clock-date">
        {day} {t(`bigScreen.weekdays.${weekdays[date.getDay()] ?? 'sun'}`)}
      </span>
      <span className="lc-bs-clock-time">{formatTime(now)}</span>
    </span>
  );
}

export function ScreenHeader({ board, connection }: { board: LiveBoard | null; connection: LiveConnection }) {
  const { t } = useTranslation();
  const fullscreen = useFullscreen();
  const nextLanguage = currentLanguage() === 'zh-CN' ? 'en-US' : 'zh-CN';
  const live = board !== null && board.lastEventAt !== null && board.asOf - board.lastEventAt < idleAfterMs;
  const elapsed =
    board?.firstEventAt != null && board.lastEventAt !== null ? board.lastEventAt - board.firstEventAt : null;
  return (
    <header className="lc-bs-header">
      <div className="lc-bs-header-side">
        <BrandLogo tone="light" />
        {board === null ? null : (
          <>
            <span
              className={`lc-bs-live ${live ? 'lc-bs-live-on' : 'lc-bs-live-idle'}`}
              data-testid="live-status"
            >
              <i />
              {live ? t('bigScreen.header.live') : t('bigScreen.header.idle')}
            </span>
            <span className="lc-bs-header-meta">
              {t('bigScreen.header.elapsed')}
              <b className="lc-bs-mono">{elapsed === null ? '—' : formatElapsed(elapsed)}</b>
            </span>
          </>
        )}
      </div>
      <div className="lc-bs-header-title">
        <h1>{t('bigScreen.header.title')}</h1>
        <div className="lc-bs-header-sub" data-testid="screen-session">
          {board?.accountId ? (
            <span title={board.accountId}>
              {t('bigScreen.header.account')} <b>{board.accountName ?? board.accountId}</b>
            </span>
          ) : null}
          <span title={board?.sessionId}>
            {t('bigScreen.header.session')} <b>{board?.plan?.title ?? board?.sessionId ?? '—'}</b>
          </span>
          {board?.plan ? (
            <span>
              {t('bigScreen.header.room')} <b>{board.plan.roomName}</b>
            </span>
          ) : null}
        </div>
      </div>
      <div className="lc-bs-header-side lc-bs-header-right">
        <ConnectionBadge connection={connection} />
        <Clock />
        <span className="lc-bs-header-actions">
          <Tooltip title={t('language.switchToLabel')}>
            <Button
              type="text"
              size="small"
              icon={<GlobalOutlined />}
              onClick={() => void changeLanguage(nextLanguage)}
              data-testid="lang-switch"
            >
              {t('language.switchTo')}
            </Button>
          </Tooltip>
          {fullscreen.supported ? (
            <Tooltip
              title={
                fullscreen.active ? t('bigScreen.header.exitFullscreen') : t('bigScreen.header.fullscreen')
              }
            >
              <Button
                type="text"
                size="small"
                icon={fullscreen.active ? <FullscreenExitOutlined /> : <FullscreenOutlined />}
                onClick={fullscreen.toggle}
                aria-label={
                  fullscreen.active ? t('bigScreen.header.exitFullscreen') : t('bigScreen.header.fullscreen')
                }
                data-testid="fullscreen-toggle"
              />
            </Tooltip>
          ) : null}
          <Tooltip title={t('bigScreen.header.back')}>
            <Link to={bigScreenPickerPath} data-testid="big-screen-back">
              <Button
                type="text"
                size="small"
                icon={<ArrowLeftOutlined />}
                aria-label={t('bigScreen.header.back')}
              />
            </Link>
          </Tooltip>
        </span>
      </div>
    </header>
  );
}
