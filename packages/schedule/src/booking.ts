import { AppError } from '@livecloud/core';
import type { ClashDto } from './session.schema.js';
import type { Booking, ClashRow, SessionQueries } from './session.repository.js';

/**
 * Locks what a booking names and checks that it all exists in the organisation and is not
 * archived. Call inside a transaction, before looking for clashes.
 */
export async function lockBooking(tx: SessionQueries, orgId: string, booking: Booking): Promise<void> {
  const { room, account, anchors } = await tx.lockResources(orgId, booking);
  if (!room) throw AppError.notFound('room', booking.roomId);
  if (!account) throw AppError.notFound('platform_account', booking.accountId);
  const missing = booking.anchorIds.find((id) => !anchors.some((a) => a.id === id));
  if (missing) throw AppError.notFound('anchor', missing);
  const archived = [
    ...(room.archived_at ? [{ resource: 'room', id: room.id, name: room.name }] : []),
    ...(account.archived_at ? [{ resource: 'account', id: account.id, name: account.name }] : []),
    ...anchors.filter((a) => a.archived_at).map((a) => ({ resource: 'anchor', id: a.id, name: a.name })),
  ];
  if (archived.length > 0) {
    throw AppError.conflict(
      'resource_archived',
      `${archived.map((a) => a.name).join(', ')} is archived and cannot be booked`,
      {
        archived,
      },
    );
  }
}

export function toClashDto(row: ClashRow, occurrenceDate?: string): ClashDto {
  return {
    resource: row.resource,
    resourceId: row.resource_id,
    resourceName: row.resource_name,
    sessionId: row.session_id,
    sessionTitle: row.session_title,
    plannedStart: row.planned_start.toISOString(),
    plannedEnd: row.planned_end.toISOString(),
    ...(occurrenceDate === undefined ? {} : { occurrenceDate }),
  };
}

/** 409 `schedule_conflict` listing every clash. */
export function scheduleConflict(clashes: ClashDto[]): AppError {
  const what = clashes
    .slice(0, 3)
    .map((c) => `${c.resource} ${c.resourceName} is booked by “${c.sessionTitle}”`)
    .join('; ');
  const more = clashes.length > 3 ? ` and ${clashes.length - 3} more` : '';
  return AppError.conflict('schedule_conflict', `The time is already taken: ${what}${more}`, { clashes });
}
