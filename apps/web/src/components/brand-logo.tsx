import { CaretRightFilled } from '@ant-design/icons';

export interface BrandLogoProps {
  /** Hide the words and keep the mark, for the collapsed menu. */
  compact?: boolean;
  /** `light` for dark backgrounds (the side menu, the login hero). */
  tone?: 'light' | 'dark';
  size?: 'default' | 'large';
}

/** The LiveCloud 直播云 mark and name. */
export function BrandLogo({ compact = false, tone = 'dark', size = 'default' }: BrandLogoProps) {
  return (
    <span className={`lc-brand lc-brand-${tone} lc-brand-${size}`}>
      <span className="lc-brand-mark" aria-hidden="true">
        <CaretRightFilled />
      </span>
      {compact ? null : (
        <span className="lc-brand-name">
          LiveCloud <span className="lc-brand-zh">直播云</span>
        </span>
      )}
    </span>
  );
}
