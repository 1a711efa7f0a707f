import { useQuery } from '@tanstack/react-query';
import { Select, Spin, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { formatFen } from '../../lib/format';

/** What the product catalogue (商品库) offers the picker, when it answers. */
export interface CatalogueProduct {
  id: string;
  title: string;
  skus: { id: string; spec: string; livePriceFen: number; listPriceFen?: number }[];
}

/** The catalogue's answer for one search; `error` when there is no catalogue (or no access to it). */
export function useCatalogueSearch(query: string, enabled: boolean) {
  const [debounced, setDebounced] = useState(query);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(query.trim()), 250);
    return () => clearTimeout(timer);
  }, [query]);
  // No placeholder data: options always belong to the text in the box, never to an earlier search.
  return useQuery({
    queryKey: ['lineup-catalogue', debounced],
    queryFn: ({ signal }) =>
      api
        .get<{ items: CatalogueProduct[] }>(`/api/v1/products?q=${encodeURIComponent(debounced)}`, { signal })
        .then((result) => result.items.slice(0, 20)),
    enabled: enabled && debounced === query.trim(),
    staleTime: 30_000,
    retry: false,
  });
}

interface ProductPickerProps {
  value?: string;
  onChange?: (id: string) => void;
  /** Products the picker has seen, so the form can read the picked one's SKUs. */
  products: CatalogueProduct[];
  loading: boolean;
  onSearch: (text: string) => void;
  /** The title of the product already on the item, shown before any search. */
  current?: { id: string; title: string };
}

/** Picks a product by its title; the id stays behind the scenes. */
export function ProductPicker({ value, onChange, products, loading, onSearch, current }: ProductPickerProps) {
  const { t } = useTranslation();
  const options = products.map((p) => ({
    value: p.id,
    label: p.title,
    count: p.skus.length,
  }));
  if (current && !options.some((o) => o.value === current.id))
    options.unshift({ value: current.id, label: current.title, count: 0 });
  return (
    <Select
      value={value}
      onChange={onChange}
      showSearch={{ filterOption: false, onSearch }}
      options={options}
      placeholder={t('schedule.lineups.productPlaceholder')}
      notFoundContent={loading ? <Spin size="small" /> : t('schedule.lineups.noProducts')}
      optionRender={(option) => (
        <span>
          {option.label}
          {option.data.count > 0 ? (
            <Typography.Text type="secondary">
              {' · '}
              {t('schedule.lineups.skuCount', { count: option.data.count })}
            </Typography.Text>
          ) : null}
        </span>
      )}
      data-testid="lineup-product"
    />
  );
}

interface SkuPickerProps {
  value?: string;
  onChange?: (id: string) => void;
  product?: CatalogueProduct;
  /** The spec of the SKU already on the item, shown when its product is not loaded. */
  currentName?: string | null;
}

/** Picks one of the product's SKUs by its spec and live price. */
export function SkuPicker({ value, onChange, product, currentName }: SkuPickerProps) {
  const { t } = useTranslation();
  const options = (product?.skus ?? []).map((s) => ({
    value: s.id,
    label: `${s.spec} · ${formatFen(s.livePriceFen)}`,
  }));
  if (value && !options.some((o) => o.value === value))
    options.unshift({ value, label: currentName ?? t('schedule.lineups.skuUnknown') });
  return (
    <Select
      value={value}
      onChange={onChange}
      options={options}
      placeholder={t('schedule.lineups.skuPlaceholder')}
      notFoundContent={t('schedule.lineups.pickProductFirst')}
      data-testid="lineup-sku"
    />
  );
}
