import type { TFunction } from 'i18next';
import { roleCodes } from '../../api/types';
import { roleLabel } from '../../i18n/labels';

/** The built-in roles as select options, labelled in the current language. */
export function roleOptions(t: TFunction) {
  return roleCodes.map((role) => ({ value: role, label: roleLabel(t, role) }));
}
