import type { ActorDto as Actor } from '@livecloud/commerce/schemas';
import type { TFunction } from 'i18next';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '../auth/session-context';
import { settingsQueries } from '../settings/settings.queries';

/** Names of the organisation's people by user id, for "who did it" columns (only oneself without staff:read). */
export function useStaffNames(): ReadonlyMap<string, string> {
  const { can, session } = useSession();
  const allowed = can('staff:read');
  const { data } = useQuery({ ...settingsQueries.staff(), enabled: allowed });
  const names = new Map((data?.items ?? []).map((person) => [person.userId, person.name]));
  if (session) names.set(session.user.id, session.user.name);
  return names;
}

/** Who an actor is, in words. */
export function actorLabel(t: TFunction, actor: Actor, names: ReadonlyMap<string, string>): string {
  if (actor.type === 'system') return t('commerce.actor.system');
  if (actor.type === 'api_key') return t('commerce.actor.api_key');
  return (actor.id && names.get(actor.id)) ?? t('commerce.actor.platform');
}
