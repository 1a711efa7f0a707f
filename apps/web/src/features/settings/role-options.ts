import { roles as roleCodes } from '@livecloud/contracts/vocabulary';
import type { TFunction } from 'i18next';
import { roleLabel } from '../../i18n/labels';

/** The built-in roles as select options, labelled in the current language. */
export function roleOptions(t: TFunction) {
  return roleCodes.map((role) => ({ value: role, label: roleLabel(t, role) }));
}
